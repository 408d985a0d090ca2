// The models the platform deploys (processes module), with the names users know.
export const MODELS = [
  { name: 'hazard-rectification', label: '隐患整改闭环' }, { name: 'campaign', label: '专项行动（总流程）' },
  { name: 'campaign-phase', label: '行动阶段' }, { name: 'campaign-deliverable', label: '任务节点报送' },
  { name: 'campaign-dispatch', label: '月度调度' }, { name: 'whistleblower-triage', label: '举报核查' },
]
