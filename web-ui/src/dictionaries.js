// The ledger's codes and their Chinese labels (as the API's *Label fields give them), for filters and form options.
export const INSTITUTION_TYPES = {
  ELDERLY_CARE: '养老机构', CHILD_WELFARE: '儿童福利机构', MINOR_PROTECTION: '未成年人救助保护机构',
  RELIEF_MANAGEMENT: '救助管理机构', FUNERAL: '殡葬服务机构', MARRIAGE_REGISTRATION: '婚姻登记机构',
}
export const HAZARD_STATUSES = {
  REPORTED: '已上报', UNDER_SUPERVISION: '挂牌督办中', EMERGENCY_CONTROL: '紧急处置中', ASSIGNING: '落实责任中',
  RECTIFYING: '整改中', AWAITING_VERIFICATION: '待核查', VERIFIED: '核查通过', CLOSED: '已销号',
}
export const HAZARD_GRADES = { MAJOR: '重大事故隐患', GENERAL: '一般隐患' }
export const HAZARD_CATEGORIES = {
  BUILDING: '房屋建筑', FIRE: '消防', ELECTRICAL: '电气', GAS: '燃气', SPECIAL_EQUIPMENT: '特种设备', FOOD: '食品', MEDICAL: '医疗',
  QUALIFICATION: '资质', DAILY_MANAGEMENT: '日常管理', SERVICE_SAFETY: '服务安全', OTHER: '其他',
}
export const HAZARD_SOURCES = {
  SELF_CHECK: '机构自查', DEPARTMENT_CHECK: '部门检查', SUPERVISION: '督导检查', EXPERT: '专家勘察',
  THIRD_PARTY: '第三方评估', VIDEO_PATROL: '视频巡查', WHISTLEBLOWER: '举报',
}
export const EMERGENCY_MEASURES = {
  EVACUATE_RESIDENTS: '撤出服务对象', EVACUATE_STAFF: '撤出工作人员', STOP_FACILITY: '停止使用相关设施设备',
  CORDON_OFF: '划定警戒区域', OTHER: '其他措施',
}
export const ACCEPTORS = { INSPECTOR: '检查人员', EXPERT: '专家', THIRD_PARTY: '第三方机构' }

export const HAZARD_STATUS_TAG = {
  REPORTED: 'info', UNDER_SUPERVISION: 'danger', EMERGENCY_CONTROL: 'danger', ASSIGNING: 'warning',
  RECTIFYING: 'warning', AWAITING_VERIFICATION: 'primary', VERIFIED: 'success', CLOSED: 'success',
}

export function options(dictionary) {
  return Object.entries(dictionary).map(([value, label]) => ({ value, label }))
}

/** a process instance's state, as 流程实例 shows it */
export const INSTANCE_STATUS = {
  RUNNING: { label: '运行中', tag: 'primary' }, INCIDENT: { label: '有故障', tag: 'danger' },
  COMPLETED: { label: '已完成', tag: 'success' }, CANCELLED: { label: '已取消', tag: 'info' },
}
