// The roles of design.md, as the API names them, and which of them see what.
export const ROLE_LABELS = {
  'bureau-admin': '县局管理员', 'bureau-section': '业务股室', leader: '局领导',
  'township-officer': '乡镇民政办', 'institution-manager': '机构负责人', inspector: '检查人员',
}
export const ALL = Object.keys(ROLE_LABELS)
export const REGIONAL = ALL.filter((r) => r !== 'institution-manager')
export const BUREAU = ['bureau-admin', 'bureau-section']
export const SUPERVISORS = ['bureau-admin', 'bureau-section', 'leader']
