// The models the platform deploys (processes module), with the names users know; process: the BPMN process id.
export const MODELS = [
  { name: 'hazard-rectification', process: 'HazardRectification', label: '隐患整改闭环' },
  { name: 'campaign', process: 'Campaign', label: '专项行动（总流程）' },
  { name: 'campaign-phase', process: 'CampaignPhase', label: '行动阶段' },
  { name: 'campaign-deliverable', process: 'CampaignDeliverable', label: '任务节点报送' },
  { name: 'campaign-dispatch', process: 'CampaignDispatch', label: '调度报送' },
  { name: 'whistleblower-triage', process: 'WhistleblowerTriage', label: '举报核查' },
]

/** the name users know for a process, by its BPMN process id (the id itself for one the platform does not ship) */
export function processLabel(processId) {
  return MODELS.find((m) => m.process === processId)?.label ?? processId
}
