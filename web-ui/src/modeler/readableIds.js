// Elements the modeler creates get ids the platform's check accepts (Task_Added1, Event_Added2 …) instead of
// bpmn-js's random ones (Activity_0x1y2z3): nobody has to edit an id by hand. Flows keep bpmn-js's ids.
import { is } from 'bpmn-js/lib/util/ModelUtil'

function stemOf(element) {
  if (is(element, 'bpmn:StartEvent')) return 'StartEvent_Added'
  if (is(element, 'bpmn:EndEvent')) return 'EndEvent_Added'
  if (is(element, 'bpmn:Event')) return 'Event_Added'
  if (is(element, 'bpmn:SubProcess')) return 'SubProcess_Added'
  if (is(element, 'bpmn:Activity')) return 'Task_Added'
  if (is(element, 'bpmn:Gateway')) return 'Gateway_Added'
  return null
}

function ReadableIds(bpmnFactory, moddle) {
  const ensureId = bpmnFactory._ensureId.bind(bpmnFactory)
  bpmnFactory._ensureId = (element) => {
    const stem = !element.id && stemOf(element)
    if (!stem) return ensureId(element)
    let n = 1
    while (moddle.ids.assigned(`${stem}${n}`)) n++
    element.id = `${stem}${n}`
    moddle.ids.claim(element.id, element)
  }
}
ReadableIds.$inject = ['bpmnFactory', 'moddle']

export default { __init__: ['readableIds'], readableIds: ['type', ReadableIds] }
