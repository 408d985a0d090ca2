// The roles of design.md, as the API names them, and which of them see what.
export const ROLE_LABELS = {
  'bureau-admin': '县局管理员', 'bureau-section': '业务股室', leader: '局领导',
  'township-officer': '乡镇民政办', 'institution-manager': '机构负责人', inspector: '检查人员',
  expert: '专家', 'third-party': '第三方机构',
}
export const ALL = Object.keys(ROLE_LABELS)
// the bureau's and townships' own people: not institutions, nor the experts and third parties engaged from outside
export const REGIONAL = ALL.filter((r) => !['institution-manager', 'expert', 'third-party'].includes(r))
export const BUREAU = ['bureau-admin', 'bureau-section']
export const SUPERVISORS = ['bureau-admin', 'bureau-section', 'leader']
