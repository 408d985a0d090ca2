// The modeler in Chinese: bpmn-js, its properties panel and the element templates pass their texts through the
// `translate` service; this one looks them up in ZH (what it lacks stays English) and fills in {placeholders}.
import { ZH } from './zh.js'

function translate(template, replacements = {}) {
  const text = ZH[template] || template
  return text.replace(/{([^}]+)}/g, (_, key) => (key in replacements ? replacements[key] : `{${key}}`))
}

export default { translate: ['value', translate] }
