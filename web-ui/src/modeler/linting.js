// Live linting while an administrator edits, with what the Camunda Modeler itself uses: @camunda/linting (bpmnlint
// with the Camunda 8.8 compatibility rules, FEEL through @bpmn-io/feel-lint). Its findings show on the canvas and in
// the properties panel as the user edits, in Chinese here; the server's check (校验, and again at 部署) adds the
// platform's own rules and stays the gate.
import { Linter } from '@camunda/linting'
import lintingModule from '@camunda/linting/modeler'
import '@camunda/linting/assets/linting.css'

export { lintingModule }

const RULES = {
  'camunda-compat/timer': '定时器的设置不符合流程引擎的要求（日期、时长或周期格式）',
  'camunda-compat/feel': '表达式写法有误，流程引擎无法读取',
  'camunda-compat/feel-compatibility': '表达式用了本版本流程引擎不支持的写法',
  'camunda-compat/implementation': '自动步骤缺少任务类型',
  'camunda-compat/element-type': '流程引擎（8.8）不支持这种元素',
  'camunda-compat/event-based-gateway-target': '事件网关之后只能连接等待事件（定时器、消息）',
  'camunda-compat/message-reference': '消息事件需要选择消息',
  'camunda-compat/subscription': '消息事件需要关联键',
  'camunda-compat/called-element': '调用子流程需要指定被调用的流程',
  'camunda-compat/sequence-flow-condition': '分支上的连线需要条件（或设为默认连线）',
  'camunda-compat/loop-characteristics': '多实例设置不完整',
  'camunda-compat/io-mapping': '输入/输出映射不完整',
  'camunda-compat/duplicate-task-headers': '任务头重复',
  'camunda-compat/no-loop': '流程中有不经过任何等待的死循环',
  'camunda-compat/executable-process': '流程需要设为可执行',
  'camunda-compat/error-reference': '错误事件需要选择错误',
  'camunda-compat/escalation-reference': '升级事件需要选择升级',
  'camunda-compat/signal-reference': '信号事件需要选择信号',
  'camunda-compat/variable-name': '变量名不合法',
  'camunda-compat/no-zeebe-user-task': '本平台不使用用户任务：人的办理请用平台的待办（人工步骤）',
  'camunda-compat/zeebe-user-task': '本平台不使用用户任务：人的办理请用平台的待办（人工步骤）',
  'camunda-compat/collapsed-subprocess': '该子流程不能折叠',
  'camunda-compat/link-event': '链接事件设置不完整',
  'camunda-compat/inclusive-gateway': '包含网关的用法不被流程引擎支持',
  'no-duplicate-sequence-flows': '两条连线重复',
  'no-implicit-end': '该元素没有连出的连线：流程会在这里停住或提前结束',
  'no-implicit-start': '该元素没有连入的连线，永远不会执行',
  'no-disconnected': '该元素没有任何连线',
  'start-event-required': '流程需要一个开始事件',
  'end-event-required': '流程需要一个结束事件',
  'fake-join': '多条连线直接汇入同一步：请先用网关汇合',
  'no-gateway-join-fork': '同一个网关既汇合又分支：请拆成两个网关',
  'no-implicit-split': '从这里引出多条没有条件的连线：请用网关分支',
  'superfluous-gateway': '多余的网关（只有一进一出）',
  'single-blank-start-event': '只能有一个普通的开始事件',
  'single-event-definition': '一个事件只能有一种触发方式',
  'label-required': '元素需要中文名称',
  'no-complex-gateway': '流程引擎不支持复杂网关',
}

/** a report in Chinese: its rule's text, or a pointer to the full check */
function inChinese(report) {
  const rule = String(report.rule || '').replace(/^bpmnlint\//, '')
  return { ...report, message: RULES[rule] || '不符合流程引擎（8.8）的建模规则：点击「校验」查看详细说明' }
}

/** lints the modeler's diagram now: marks the elements, and answers the reports (in Chinese) */
export async function lint(modeler, linter = new Linter({ modeler: 'web', type: 'cloud' })) {
  const reports = (await linter.lint(modeler.getDefinitions())).map(inChinese)
  const linting = modeler.get('linting')
  linting.setErrors(reports)
  linting.activate()
  requestAnimationFrame(() => document.querySelectorAll('.modeler-canvas .cl-icon[title]')
    .forEach((icon) => icon.setAttribute('title', '点击查看问题')))
  return reports
}

export function createLinter() {
  return new Linter({ modeler: 'web', type: 'cloud' })
}
