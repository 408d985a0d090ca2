import { onBeforeUnmount, onMounted, ref } from 'vue'

// The campaign API's codes and their Chinese labels (the ledger's PhaseKind, DeliverableKind, PhaseStatus and
// InspectionMode), and the date arithmetic the schedule editor needs. Dates are yyyy-mm-dd strings throughout.
export const PHASE_KINDS = {
  MOBILISATION: '动员部署', SELF_CHECK: '机构自查整改', DEPARTMENT_CHECK: '部门检查', SUPERVISION: '督导检查',
  SUMMARY: '总结提高', FOCUSED_REMEDIATION: '集中攻坚', ROOT_CAUSE: '治本提升', EVALUATION: '总结评估',
}
export const DELIVERABLE_KINDS = {
  TOWNSHIP_PLAN: '乡镇专项方案', SELF_CHECK_REPORT: '机构自查报告', STAGE_SUMMARY: '阶段性总结', STAGE_PROGRESS: '阶段性进展情况',
  TOWNSHIP_SUMMARY: '乡镇工作总结', OVERALL_SUMMARY: '全面总结',
}
// the API sends PLANNED / OPEN / CLOSED for phases and deliverables alike
export const PHASE_STATUSES = { PLANNED: '未开始', OPEN: '进行中', CLOSED: '已结束' }
export const PHASE_STATUS_TAG = { PLANNED: 'info', OPEN: 'warning', CLOSED: 'success' }
export const INSPECTION_MODES = { FULL: '全覆盖检查', DOUBLE_RANDOM: '双随机抽查' }

/** A dispatch period as people say it: 2027-06 → 2027年6月, 2027-W23 → 2027年第23周 */
export function periodLabel(key) {
  const week = /^(\d{4})-W(\d{2})$/.exec(key || '')
  if (week) return `${week[1]}年第${Number(week[2])}周`
  const month = /^(\d{4})-(\d{2})$/.exec(key || '')
  return month ? `${month[1]}年${Number(month[2])}月` : key
}

/** The first day of a dispatch period (2027-06 → 2027-06-01, 2027-W23 → its Monday), to sort months and weeks together */
export function periodStart(key) {
  const week = /^(\d{4})-W(\d{2})$/.exec(key || '')
  if (!week) return `${key}-01`
  const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4)) // always in week 1
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (Number(week[2]) - 1) * 7 * 86400000)
  return monday.toISOString().slice(0, 10)
}

export function addDays(isoDay, days) {
  const d = new Date(`${isoDay}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000)
}

/** for el-date-picker's disabled-date: days before `day` (a Date at local midnight, as the picker gives it) */
export function before(isoDay) {
  return (date) => localIso(date) < isoDay
}

function localIso(date) {
  const m = String(date.getMonth() + 1).padStart(2, '0')
  const d = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${m}-${d}`
}

/** the running phase by its status — never a phase that merely lies in the future */
export function runningPhase(campaign) {
  return campaign?.phases.find((p) => p.status === 'OPEN') || null
}

export function phaseLabel(phase) {
  return phase ? `${phase.name}（${phase.startsOn} 至 ${phase.endsOn}）` : '—'
}

/** true on a phone-sized screen, following resizes (descriptions and steps lay out differently there) */
export function useNarrow() {
  const query = window.matchMedia('(max-width: 768px)')
  const narrow = ref(query.matches)
  const update = (e) => (narrow.value = e.matches)
  onMounted(() => query.addEventListener('change', update))
  onBeforeUnmount(() => query.removeEventListener('change', update))
  return narrow
}
