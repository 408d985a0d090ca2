// A submitted form as people read it: each field under its label, each code as its Chinese words. Nothing of the
// stored JSON (keys, enum names, null) reaches the page.
import { TASK_FORMS } from './definitions.js'
import { FIGURES } from '../figures.js'

// the checklist's items are hazard statements: YES means the institution complies, i.e. the hazard is absent
export const CHECKLIST_ANSWERS = { YES: '不存在', NO: '存在', NOT_APPLICABLE: '不涉及' }

function blank(v) {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
}

/** one field's value in words; criteria are looked up by code in {@code criteria} (code → text) */
export function fieldText(field, value, criteria = {}) {
  if (field.type === 'bool') return value ? field.yes : field.no
  if (field.type === 'select') return field.options.find((o) => o.value === value)?.label ?? '其他'
  if (field.type === 'multiselect') return value.map((v) => field.options.find((o) => o.value === v)?.label ?? '其他').join('、')
  if (field.type === 'criterion') return criteria[value] ?? '（判定依据已停用）'
  if (field.type === 'number') return `${Number(value).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`
  return String(value)
}

/**
 * The rows of a result: [{ label, text }] for the simple kinds, plus lists (checklist items, findings, corrections)
 * for the kinds that have them. Fields the form does not know are left out rather than shown raw.
 */
export function resultRows(kind, result, { criteria = {}, checklist = [] } = {}) {
  if (!result || typeof result !== 'object') return { rows: [], lists: [] }
  const rows = []
  const lists = []
  const fields = TASK_FORMS[kind]
  if (fields) {
    for (const f of fields) if (!blank(result[f.name])) rows.push({ label: f.label, text: fieldText(f, result[f.name], criteria) })
    return { rows, lists }
  }
  const simple = (label, v) => { if (!blank(v)) rows.push({ label, text: String(v) }) }
  if (kind === 'SELF_CHECK') {
    const texts = Object.fromEntries(checklist.map((c) => [c.criterionCode, c.text]))
    simple('自查日期', result.checkedOn)
    const items = (result.items || []).map((i, n) => ({
      title: `${n + 1}. ${texts[i.criterionCode] ?? criteria[i.criterionCode] ?? '检查项'}`,
      answer: CHECKLIST_ANSWERS[i.answer] ?? '未作答',
      bad: i.answer === 'NO',
      detail: [i.note, i.location && `部位：${i.location}`, i.residentsExposed && '服务对象暴露于风险'].filter(Boolean).join('；'),
    }))
    const no = items.filter((i) => i.bad).length
    rows.push({ label: '自查结果', text: no ? `${items.length} 项中 ${no} 项存在隐患（已生成隐患）` : `${items.length} 项均不存在或不涉及` })
    lists.push({ title: '自查表', items })
    simple('负责人签名', result.signedBy)
  } else if (kind === 'INSPECTION' || kind === 'SUPERVISION_VISIT') {
    simple('检查日期', result.inspectedOn)
    const findings = (result.findings || []).map((f, n) => ({
      title: `隐患${n + 1}：${f.description}`,
      answer: f.fixedOnSite ? '现场已整改' : '需整改',
      bad: !f.fixedOnSite,
      detail: [criteria[f.criterionCode] && `判定依据：${criteria[f.criterionCode]}`, f.location && `部位：${f.location}`,
        f.residentsExposed && '服务对象暴露于风险', f.onSiteMeasures && `现场整改：${f.onSiteMeasures}`].filter(Boolean).join('；'),
    }))
    rows.push({ label: '检查发现', text: findings.length ? `隐患 ${findings.length} 条` : '未发现隐患' })
    if (findings.length) lists.push({ title: '检查发现的隐患', items: findings })
    simple('检查情况', result.notes)
    simple('检查人员签名', result.signedBy)
  } else if (['DISPATCH_REPORT', 'COUNTY_DISPATCH_REPORT', 'FIELD_DISPATCH_REPORT'].includes(kind)) {
    const corrections = (result.corrections || []).map((c) => ({
      title: FIGURES[c.field] ?? '数字更正', answer: `更正为 ${c.value}`, bad: false, detail: c.reason ? `原因：${c.reason}` : '',
    }))
    rows.push({ label: '《调度表》', text: corrections.length ? `更正 ${corrections.length} 项` : '按台账数字报送，无更正' })
    if (corrections.length) lists.push({ title: '更正的数字', items: corrections })
    simple('填报说明', result.notes)
    simple('填报人签名', result.signedBy)
  }
  return { rows, lists }
}
