// The form of each task kind, field by field, as the ledger's records take them (ledger/.../TaskKind.java).
// Kinds with a list to fill (self-check, inspection, dispatch report) have their own components.
import { EMERGENCY_MEASURES, ACCEPTORS, options } from '../dictionaries.js'
import { auth } from '../api/auth.js'

const text = (name, label, extra = {}) => ({ name, label, type: 'text', ...extra })
const area = (name, label, extra = {}) => ({ name, label, type: 'textarea', ...extra })
// a date field may say which days the API refuses: notBefore / notAfter 'today' or 'tomorrow' (disabled in its picker)
const date = (name, label, extra = {}) => ({ name, label, type: 'date', ...extra })
const money = (name, label, extra = {}) => ({ name, label, type: 'number', ...extra })
const yesNo = (name, label, yes, no, extra = {}) => ({ name, label, type: 'bool', yes, no, ...extra })
const signature = (label = '签名') => text('signedBy', label, { required: true, signature: true })
const external = () => auth.has('expert', 'third-party')

export const TASK_FORMS = {
  SUPERVISION: [area('requirements', '督办要求', { required: true })],
  EMERGENCY_MEASURES: [
    { name: 'measures', label: '紧急处置措施', type: 'multiselect', options: options(EMERGENCY_MEASURES), required: true },
    area('description', '处置情况'),
    date('takenOn', '处置日期', { required: true, defaultToday: true, notAfter: 'today' }),
  ],
  ASSIGNMENT: [
    text('responsibleUnit', '责任单位', { required: true }),
    text('responsiblePerson', '责任人', { required: true }),
    area('measures', '整改措施', { required: true }),
    money('funds', '整改资金（元）'),
    date('deadline', '整改时限', { required: true, notBefore: 'today' }),
    area('temporaryControls', '临时管控措施'),
  ],
  RECTIFICATION: [
    area('measures', '整改措施', { required: true }),
    text('responsiblePerson', '责任人', { required: true }),
    money('funds', '整改资金（元）'),
    date('completedOn', '整改完成日期', { required: true, defaultToday: true, notAfter: 'today' }),
    area('evidence', '整改佐证说明'),
  ],
  EXPLANATION: [area('reason', '逾期原因', { required: true }), area('nextSteps', '下一步措施', { required: true })],
  EXTENSION: [
    yesNo('approved', '是否同意延期', '同意', '不同意', { required: true }),
    area('opinion', '审批意见'),
    date('approvedDeadline', '同意延长至', { when: (f) => f.approved === true, notBefore: 'tomorrow' }),
  ],
  VERIFICATION: [
    yesNo('passed', '核查结论', '整改到位，同意销号', '未整改到位，退回整改', { required: true }),
    area('opinion', '核查意见'),
    date('newDeadline', '重新整改时限', { when: (f) => f.passed === false, notBefore: 'tomorrow' }),
    // an expert's or a third party's acceptance is theirs, signed with the body their account acts for: who accepted,
    // and for which body, is asked of the inspectors only
    { name: 'acceptedBy', label: '验收人员类别', type: 'select', options: options(ACCEPTORS), when: (f) => f.passed === true && !external() },
    text('acceptanceOrganisation', '验收单位', { when: (f) => f.passed === true && !external() }),
  ],
  RECHECK: [yesNo('rebound', '回头看结论', '有反弹', '无反弹', { required: true }), area('findings', '回头看情况')],
  SAMPLE_RECHECK: [yesNo('rebound', '回头看结论', '有反弹', '无反弹', { required: true }), area('findings', '回头看情况')],
  NOTICE: [text('signedBy', '签收人', { required: true, signature: true })],
  DELIVERABLE: [text('title', '标题', { required: true }), area('content', '正文', { required: true, rows: 8 }), signature('负责人签名')],
  DUTY_RECORD: [
    date('heldOn', '开展日期', { required: true, defaultToday: true, notAfter: 'today' }),
    text('ledBy', '带队人', { required: true }),
    { name: 'participants', label: '参加人数', type: 'integer' },
    area('content', '开展情况', { required: true, rows: 6 }),
    signature(),
  ],
  LATE_FOLLOW_UP: [area('measures', '督促措施', { required: true })],
  WHISTLEBLOWER_VERIFICATION: [
    yesNo('substantiated', '核查结论', '情况属实，立案整改', '不予立案', { required: true }),
    area('findings', '核查情况', { required: true }),
    { name: 'criterionCode', label: '判定依据', type: 'criterion', required: true, when: (f) => f.substantiated === true },
    yesNo('residentsExposed', '服务对象是否暴露于风险', '是', '否', { required: true, when: (f) => f.substantiated === true }),
    area('dismissReason', '不予立案理由', { when: (f) => f.substantiated === false }),
    date('verifiedOn', '核查日期', { required: true, defaultToday: true, notAfter: 'today' }),
    signature('核查人签名'),
  ],
  WHISTLEBLOWER_REWARD: [
    yesNo('granted', '是否给予奖励', '给予奖励', '不予奖励', { required: true }),
    money('amount', '奖励金额（元）', { when: (f) => f.granted === true }),
    area('reason', '认定理由', { required: true }),
    signature('领导签名'),
  ],
}

/** an empty form of a kind, with today's date where the form usually takes it */
export function emptyForm(fields, today) {
  const form = {}
  for (const f of fields) {
    if (f.type === 'multiselect') form[f.name] = []
    else if (f.defaultToday) form[f.name] = today
    else form[f.name] = f.type === 'bool' ? null : f.type === 'number' || f.type === 'integer' ? undefined : ''
  }
  return form
}

/** the form as the API takes it: hidden fields left out, blanks as null */
export function payload(fields, form) {
  const out = {}
  for (const f of fields) {
    if (f.when && !f.when(form)) continue
    const v = form[f.name]
    out[f.name] = v === '' || v === undefined ? null : v
  }
  return out
}

const blank = (v) => v === null || v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length)

/** the required fields left empty, by name, as the server would name them — checked before asking to confirm */
export function missingFields(fields, form) {
  const out = {}
  for (const f of fields) {
    if (f.required && (!f.when || f.when(form)) && blank(form[f.name])) {
      out[f.name] = `${['bool', 'select', 'multiselect', 'date'].includes(f.type) ? '请选择' : '请填写'}${f.label}`
    }
  }
  return out
}

/** the gaps in a list form (self-check items, inspection findings, dispatch corrections) and its signature */
export function missingInList(kind, form) {
  const out = {}
  const need = (name, message, value) => { if (blank(value)) out[name] = message }
  if (kind === 'SELF_CHECK') {
    ;(form.items || []).forEach((item, i) => {
      need(`items[${i}].answer`, '请选择「不存在」「存在」或「不涉及」', item.answer)
      if (item.answer === 'NO') need(`items[${i}].note`, '选择「存在」时必须写明存在的问题', item.note)
      if (item.answer === 'NO') need(`items[${i}].residentsExposed`, '请回答服务对象是否暴露于此风险', item.residentsExposed)
    })
    need('checkedOn', '请选择自查日期', form.checkedOn)
  }
  if (kind === 'INSPECTION' || kind === 'SUPERVISION_VISIT') {
    need('inspectedOn', '请选择检查日期', form.inspectedOn)
    ;(form.findings || []).forEach((f, i) => {
      need(`findings[${i}].criterionCode`, '请选择判定依据', f.criterionCode)
      need(`findings[${i}].description`, '请填写隐患描述', f.description)
      need(`findings[${i}].residentsExposed`, '请回答服务对象是否暴露于该隐患的风险', f.residentsExposed)
    })
  }
  if (['DISPATCH_REPORT', 'COUNTY_DISPATCH_REPORT', 'FIELD_DISPATCH_REPORT'].includes(kind)) {
    ;(form.corrections || []).forEach((c, i) => {
      need(`corrections[${i}].field`, '请选择更正的数字', c.field)
      need(`corrections[${i}].value`, '请填写更正后的数字', c.value)
      need(`corrections[${i}].reason`, '请填写更正原因', c.reason)
    })
  }
  need('signedBy', '请签名', form.signedBy)
  return out
}
