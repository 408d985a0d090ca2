#!/usr/bin/env python3
"""Writes the campaign models (campaign.bpmn, campaign-phase.bpmn, campaign-deliverable.bpmn, campaign-dispatch.bpmn)
with their diagrams.

A campaign's schedule is data in the ledger: the models read each date from it right before waiting on it, so a
changed schedule (a phase extended or closed early) moves the waits. The per-institution work of a phase is fanned
out in the ledger by one step (docs/adr/0001-self-check-fan-out.md), not as element instances.
Rerun: python3 processes/tools/campaign.py
"""
import bpmn_writer

CAMPAIGN_DOC = ("A 专项排查整治行动 from deployment to its end: its phases run one after another (CampaignPhase, "
                "sequential multi-instance over the phase numbers the ledger gives), and meanwhile every deliverable with "
                "a due date (乡镇专项方案, summaries, quarterly 主要负责人带队检查, the annual drill) runs in parallel "
                "(CampaignDeliverable), and so does each month's (and, for 周调度, each week's) dispatch of 《清单》 and 《调度表》 (CampaignDispatch). "
                "Cancelling a campaign cancels its instance; the ledger records the reason.")
CAMPAIGN_NODES = [
    ("StartEvent_CampaignDeployed", "start", "行动部署", 0, 1, {}),
    ("Task_LoadSchedule", "service", "读取行动安排", 1, 1, {"type": "campaign.load-schedule"}),
    ("Gateway_Fork", "parallel", "并行推进", 2, 1, {}),
    ("Task_RunPhases", "call", "按阶段推进", 3, 0, {"process": "CampaignPhase", "collection": "=phaseOrdinals",
                                                  "element": "ordinal", "sequential": True}),
    ("Task_RunDeliverables", "call", "按节点报送", 3, 2, {"process": "CampaignDeliverable",
                                                        "collection": "=deliverableIds", "element": "deliverableId"}),
    ("Task_RunDispatches", "call", "月度及周调度", 3, 3, {"process": "CampaignDispatch",
                                                    "collection": "=dispatchMonths", "element": "reportMonth"}),
    ("Gateway_Join", "parallel", "", 4, 1, {}),
    ("Task_CloseCampaign", "service", "行动结束", 5, 1, {"type": "campaign.close"}),
    ("EndEvent_CampaignClosed", "end", "行动已结束", 6, 1, {}),
]
CAMPAIGN_FLOWS = [
    ("Flow_1", "StartEvent_CampaignDeployed", "Task_LoadSchedule", None, None),
    ("Flow_2", "Task_LoadSchedule", "Gateway_Fork", None, None),
    ("Flow_3", "Gateway_Fork", "Task_RunPhases", None, None),
    ("Flow_4", "Gateway_Fork", "Task_RunDeliverables", None, None),
    ("Flow_5", "Task_RunPhases", "Gateway_Join", None, None),
    ("Flow_6", "Task_RunDeliverables", "Gateway_Join", None, None),
    ("Flow_7", "Gateway_Join", "Task_CloseCampaign", None, None),
    ("Flow_9", "Gateway_Fork", "Task_RunDispatches", None, None),
    ("Flow_10", "Task_RunDispatches", "Gateway_Join", None, None),
    ("Flow_8", "Task_CloseCampaign", "EndEvent_CampaignClosed", None, None),
]

PHASE_DOC = ("One phase of a campaign: wait for its start date, open its work (动员部署: notify institutions; 机构自查: a "
             "self-check task per institution in scope; 部门检查: inspection assignments, full coverage or 双随机; "
             "督导检查: re-checks of a sample), remind those who have not submitted on each reminder date, and at its "
             "end date (or when the bureau closes it early) close it: late submitters are escalated and 长期零报告 "
             "institutions flagged. A rescheduled phase re-reads its dates and waits again.")
PHASE_NODES = [
    ("StartEvent_PhaseScheduled", "start", "阶段已排期", 0, 1, {}),
    ("Task_ReadPhaseDates", "service", "读取阶段日期", 1, 1, {"type": "campaign.phase-dates"}),
    ("Gateway_AwaitStart", "eventgw", "等待开始", 2, 1, {}),
    ("Event_PhaseStarts", "timer", "阶段开始", 3, 1, {"date": "=date and time(startsAt)"}),
    ("Event_StartRescheduled", "msgcatch", "阶段日期调整", 3, 0, {"message": "Message_PhaseRescheduled"}),
    ("Task_OpenPhase", "service", "部署本阶段工作", 4, 1, {"type": "campaign.open-phase"}),
    ("Gateway_Wait", "xor", "", 5, 1, {}),
    ("Gateway_AwaitEnd", "eventgw", "等待结束", 6, 1, {}),
    ("Event_PhaseEnds", "timer", "阶段截止", 7, 1, {"date": "=date and time(endsAt)"}),
    ("Event_ClosedEarly", "msgcatch", "提前结束", 8, 2, {"message": "Message_PhaseClosed"}),
    ("Event_ReminderDue", "timer", "提醒日", 7, 3, {"date": "=date and time(remindAt)"}),
    ("Task_RemindPhase", "service", "提醒未报送者", 8, 3, {"type": "campaign.remind-phase"}),
    ("Event_EndRescheduled", "msgcatch", "阶段日期调整", 7, 0, {"message": "Message_PhaseRescheduled"}),
    ("Task_RereadPhaseDates", "service", "重新读取阶段日期", 8, 0, {"type": "campaign.phase-dates"}),
    ("Task_ClosePhase", "service", "阶段收尾", 9, 1, {"type": "campaign.close-phase"}),
    ("EndEvent_PhaseClosed", "end", "阶段已结束", 10, 1, {}),
]
PHASE_FLOWS = [
    ("Flow_1", "StartEvent_PhaseScheduled", "Task_ReadPhaseDates", None, None),
    ("Flow_2", "Task_ReadPhaseDates", "Gateway_AwaitStart", None, None),
    ("Flow_3", "Gateway_AwaitStart", "Event_PhaseStarts", None, None),
    ("Flow_4", "Gateway_AwaitStart", "Event_StartRescheduled", None, None),
    ("Flow_5", "Event_StartRescheduled", "Task_ReadPhaseDates", "重新排期", None, -0.6),
    ("Flow_6", "Event_PhaseStarts", "Task_OpenPhase", None, None),
    ("Flow_7", "Task_OpenPhase", "Gateway_Wait", None, None),
    ("Flow_8", "Gateway_Wait", "Gateway_AwaitEnd", None, None),
    ("Flow_9", "Gateway_AwaitEnd", "Event_PhaseEnds", None, None),
    ("Flow_10", "Gateway_AwaitEnd", "Event_ClosedEarly", None, None),
    ("Flow_11", "Gateway_AwaitEnd", "Event_ReminderDue", None, None),
    ("Flow_12", "Gateway_AwaitEnd", "Event_EndRescheduled", None, None),
    ("Flow_13", "Event_ReminderDue", "Task_RemindPhase", None, None),
    ("Flow_14", "Task_RemindPhase", "Gateway_Wait", "等下一个提醒日", None, 3.6),
    ("Flow_15", "Event_EndRescheduled", "Task_RereadPhaseDates", None, None),
    ("Flow_16", "Task_RereadPhaseDates", "Gateway_Wait", "按新日期等待", None, -0.6),
    ("Flow_17", "Event_PhaseEnds", "Task_ClosePhase", None, None),
    ("Flow_18", "Event_ClosedEarly", "Task_ClosePhase", None, None),
    ("Flow_19", "Task_ClosePhase", "EndEvent_PhaseClosed", None, None),
]
PHASE_MESSAGES = [
    ("Message_PhaseRescheduled", "campaign-phase-rescheduled", "phaseKey"),
    ("Message_PhaseClosed", "campaign-phase-closed", "phaseKey"),
]

DELIVERABLE_DOC = ("One deliverable of a campaign with a due date: opened on its opening date for whoever owes it (every "
                   "township for 乡镇专项方案 and summaries, every institution for the quarterly 主要负责人带队检查 and "
                   "the annual drill, the bureau section for stage and overall summaries, drafted from ledger "
                   "figures); those who have not submitted are reminded before the due date and escalated after it.")
DELIVERABLE_NODES = [
    ("StartEvent_DeliverableScheduled", "start", "报送节点已排期", 0, 1, {}),
    ("Task_ReadDeliverableDates", "service", "读取报送日期", 1, 1, {"type": "campaign.deliverable-dates"}),
    ("Event_DeliverableOpens", "timer", "开始报送", 2, 1, {"date": "=date and time(opensAt)"}),
    ("Task_OpenDeliverable", "service", "派发报送任务", 3, 1, {"type": "campaign.open-deliverable"}),
    ("Event_ReminderDue", "timer", "截止前提醒", 4, 1, {"date": "=date and time(remindAt)"}),
    ("Task_RemindDeliverable", "service", "提醒未报送者", 5, 1, {"type": "campaign.remind-deliverable"}),
    ("Event_DeliverableDue", "timer", "报送截止", 6, 1, {"date": "=date and time(dueAt)"}),
    ("Task_EscalateLate", "service", "逾期未报督办", 7, 1, {"type": "campaign.escalate-deliverable"}),
    ("EndEvent_DeliverableDone", "end", "报送节点结束", 8, 1, {}),
]
DELIVERABLE_FLOWS = [
    ("Flow_1", "StartEvent_DeliverableScheduled", "Task_ReadDeliverableDates", None, None),
    ("Flow_2", "Task_ReadDeliverableDates", "Event_DeliverableOpens", None, None),
    ("Flow_3", "Event_DeliverableOpens", "Task_OpenDeliverable", None, None),
    ("Flow_4", "Task_OpenDeliverable", "Event_ReminderDue", None, None),
    ("Flow_5", "Event_ReminderDue", "Task_RemindDeliverable", None, None),
    ("Flow_6", "Task_RemindDeliverable", "Event_DeliverableDue", None, None),
    ("Flow_7", "Event_DeliverableDue", "Task_EscalateLate", None, None),
    ("Flow_8", "Task_EscalateLate", "EndEvent_DeliverableDone", None, None),
]

DISPATCH_DOC = ("One period's dispatch, a month (seed 000: 每月16日下午下班前报送《清单》《调度表》，20日前汇总报市局) or, "
                "for a campaign with 周调度 (seed 003: 周调度、月通报), a week (Monday to Friday, consolidated by the next "
                "Monday): when it opens every reporting unit (township, directly-run institution) gets a confirm-and-submit "
                "task for its 清单 and 调度表, drafted live from the ledger (figures may be corrected with a reason, never "
                "overwritten); reminded before the deadline; at the end of office hours on the due day the late ones are "
                "escalated and the bureau section gets the county consolidation (submitted units as they sent them, the "
                "ledger for the rest); not sent upward by its deadline, the leader is told. The dates come from the ledger "
                "(dispatch.dates), moved past days no one works. Submitted reports are frozen in the ledger.")
DISPATCH_NODES = [
    ("StartEvent_MonthScheduled", "start", "本期调度已排期", 0, 1, {}),
    ("Task_ReadDispatchDates", "service", "读取报送日期", 1, 1, {"type": "dispatch.dates"}),
    ("Event_DraftsOpen", "timer", "派发日（每月10日/每周一）", 2, 1, {"date": "=date and time(opensAt)"}),
    ("Task_OpenTownshipReports", "service", "生成乡镇、直属机构报表草稿", 3, 1, {"type": "dispatch.open-townships"}),
    ("Event_ReminderDue", "timer", "提醒未报", 4, 1, {"date": "=date and time(remindAt)"}),
    ("Task_RemindTownships", "service", "提醒未报单位", 5, 1, {"type": "dispatch.remind-townships"}),
    ("Event_TownshipReportsDue", "timer", "报送截止（每月16日/每周五下班前）", 6, 1, {"date": "=date and time(dueAt)"}),
    ("Task_EscalateLateTownships", "service", "逾期未报督办", 7, 1, {"type": "dispatch.escalate-townships"}),
    ("Task_ConsolidateCounty", "service", "汇总县级报表", 8, 1, {"type": "dispatch.consolidate"}),
    ("Event_CountyReportDue", "timer", "汇总截止（每月20日/下周一下班前）", 9, 1, {"date": "=date and time(countyDueAt)"}),
    ("Task_EscalateLateCounty", "service", "县级逾期报告领导", 10, 1, {"type": "dispatch.escalate-county"}),
    ("EndEvent_MonthDone", "end", "本期调度结束", 11, 1, {}),
]
DISPATCH_FLOWS = [
    ("Flow_1", "StartEvent_MonthScheduled", "Task_ReadDispatchDates", None, None),
    ("Flow_2", "Task_ReadDispatchDates", "Event_DraftsOpen", None, None),
    ("Flow_3", "Event_DraftsOpen", "Task_OpenTownshipReports", None, None),
    ("Flow_4", "Task_OpenTownshipReports", "Event_ReminderDue", None, None),
    ("Flow_5", "Event_ReminderDue", "Task_RemindTownships", None, None),
    ("Flow_6", "Task_RemindTownships", "Event_TownshipReportsDue", None, None),
    ("Flow_7", "Event_TownshipReportsDue", "Task_EscalateLateTownships", None, None),
    ("Flow_8", "Task_EscalateLateTownships", "Task_ConsolidateCounty", None, None),
    ("Flow_9", "Task_ConsolidateCounty", "Event_CountyReportDue", None, None),
    ("Flow_10", "Event_CountyReportDue", "Task_EscalateLateCounty", None, None),
    ("Flow_11", "Task_EscalateLateCounty", "EndEvent_MonthDone", None, None),
]

if __name__ == "__main__":
    bpmn_writer.write("Campaign", "专项排查整治行动", CAMPAIGN_DOC, CAMPAIGN_NODES, [], CAMPAIGN_FLOWS, [], "campaign.bpmn")
    bpmn_writer.write("CampaignPhase", "行动阶段", PHASE_DOC, PHASE_NODES, [], PHASE_FLOWS, PHASE_MESSAGES,
                      "campaign-phase.bpmn")
    bpmn_writer.write("CampaignDeliverable", "报送节点", DELIVERABLE_DOC, DELIVERABLE_NODES, [], DELIVERABLE_FLOWS, [],
                      "campaign-deliverable.bpmn")
    bpmn_writer.write("CampaignDispatch", "调度报送", DISPATCH_DOC, DISPATCH_NODES, [], DISPATCH_FLOWS, [],
                      "campaign-dispatch.bpmn")
