// The modeler in Chinese: bpmn-js, its properties panel and the element templates pass their texts through the
// `translate` service; this one looks them up in ZH (what it lacks stays English) and fills in {placeholders}.
import { ZH } from './zh.js'

// texts the extraction into zh.js missed: the properties panel's header names an element by its type, the minimap
// and colour picker have their own
const MORE = {
  'Open minimap': '打开缩略图', 'Close minimap': '关闭缩略图', 'Set color': '设置颜色', 'Example data': '示例数据',
  Tasks: '任务', Gateways: '网关', Events: '事件', 'Sub-processes': '子流程', Data: '数据', Participants: '参与者',
  'Start Event': '开始事件', 'End Event': '结束事件', 'Intermediate Catch Event': '中间捕获事件',
  'Intermediate Throw Event': '中间抛出事件', 'Boundary Event': '边界事件', 'Timer Intermediate Catch Event': '定时中间事件',
  'Message Intermediate Catch Event': '消息中间事件', 'Timer Boundary Event': '定时边界事件',
  'Timer Boundary Event (Non Interrupting)': '定时边界事件（非中断）', 'Message Boundary Event': '消息边界事件',
  'Message Boundary Event (Non Interrupting)': '消息边界事件（非中断）', 'Timer Start Event': '定时开始事件',
  'Message Start Event': '消息开始事件', 'Message End Event': '消息结束事件', 'Error End Event': '错误结束事件',
  'Terminate End Event': '终止结束事件', 'Service Task': '自动步骤（服务任务）', 'Receive Task': '人工步骤（接收任务）',
  'User Task': '用户任务', 'Send Task': '发送任务', 'Script Task': '脚本任务', 'Business Rule Task': '决策（业务规则任务）',
  'Manual Task': '手工任务', Task: '任务', 'Call Activity': '调用子流程', 'Sub Process': '子流程', 'Event Sub Process': '事件子流程',
  'Exclusive Gateway': '排他网关（分支）', 'Parallel Gateway': '并行网关', 'Event Based Gateway': '事件网关',
  'Inclusive Gateway': '包含网关', 'Sequence Flow': '连线', Process: '流程', 'Text Annotation': '注释', Group: '分组',
  'Click to show issue': '点击查看问题',
}

function translate(template, replacements = {}) {
  const text = ZH[template] || MORE[template] || template
  return text.replace(/{([^}]+)}/g, (_, key) => (key in replacements ? replacements[key] : `{${key}}`))
}

export default { translate: ['value', translate] }
