// The statistics' figures (docs/statistics.md) with the labels of the 《调度表》, in the order of the form.
export const FIGURES = {
  institutionsChecked: '检查机构数', inspectionGroups: '检查组数', inspections: '检查次数', hazardsFound: '排查隐患总数',
  foundBySelfCheck: '其中：机构自查发现', foundByDepartmentCheck: '其中：部门检查发现', foundByExpert: '其中：专家诊断发现',
  foundOtherwise: '其中：其他方式发现', major: '重大事故隐患', rectified: '已整改销号', unrectified: '未整改',
  overdue: '逾期未整改', listedSupervision: '挂牌督办', listedSupervisionClosed: '挂牌督办已销号',
  whistleblowerReports: '举报查实隐患', rewardsGranted: '举报奖励人次', rewardAmount: '举报奖励金额（元）', helpVisits: '帮扶指导',
}

// what follows from the others (未整改, the rate) or is not a count cannot be corrected in a dispatch report
const DERIVED = new Set(['unrectified', 'rewardAmount'])
export const CORRECTABLE = Object.keys(FIGURES).filter((field) => !DERIVED.has(field))

export function rate(value) {
  return value === null || value === undefined ? "—" : `${value.toFixed(1)}%`
}
