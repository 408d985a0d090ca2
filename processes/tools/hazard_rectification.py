#!/usr/bin/env python3
"""Writes src/main/resources/processes/hazard-rectification.bpmn with its diagram (bpmn_writer.py draws it).

Edit the tables below and rerun: python3 processes/tools/hazard_rectification.py. (Editing the .bpmn in a modeler works too; then this
script is no longer the source and should be deleted.)
"""
import bpmn_writer

# Human steps follow one pattern: hazard.open-task (header kind) opens an inbox task and returns its id, a receive task
# waits for inbox-task-completed with that id, hazard.record-task (header kind) records what the person submitted.
NODES = [
    # id, kind, name, col, row, extra
    ("StartEvent_HazardReported", "start", "隐患上报", 0, 2, {}),
    ("Task_GradeHazard", "rule", "隐患定级", 1, 2, {"decision": "HazardGrading", "result": "grading"}),
    ("Task_RecordGrading", "service", "登记定级结果", 2, 2, {"type": "hazard.record-grading"}),
    ("Gateway_FixedOnSite", "xor", "立查立改？", 3, 2, {"default": "Flow_NotFixedOnSite"}),
    ("Gateway_Major", "xor", "重大隐患？", 4, 2, {"default": "Flow_General"}),
    ("Task_OpenSupervisionTask", "service", "派发挂牌督办任务", 5, 0, {"type": "hazard.open-task", "kind": "SUPERVISION", "out": "supervisionTaskId"}),
    ("Task_AwaitSupervision", "receive", "等待领导挂牌督办", 6, 0, {"key": "supervisionTaskId"}),
    ("Task_RecordSupervision", "service", "登记挂牌督办", 7, 0, {"type": "hazard.record-task", "kind": "SUPERVISION", "in": "supervisionTaskId"}),
    ("Gateway_EmergencyRequired", "xor", "须紧急处置？", 8, 0, {"default": "Flow_NoEmergency"}),
    ("Task_OpenEmergencyTask", "service", "派发紧急处置任务", 9, 1, {"type": "hazard.open-task", "kind": "EMERGENCY_MEASURES", "out": "emergencyTaskId"}),
    ("Task_AwaitEmergencyMeasures", "receive", "等待机构紧急处置", 10, 1, {"key": "emergencyTaskId"}),
    ("Task_RecordEmergencyMeasures", "service", "登记紧急处置措施", 11, 1, {"type": "hazard.record-task", "kind": "EMERGENCY_MEASURES", "in": "emergencyTaskId"}),
    ("Gateway_EmergencyDone", "xor", "", 12, 0, {}),
    ("Gateway_Assign", "xor", "", 13, 2, {}),
    ("Task_OpenAssignmentTask", "service", "派发五落实任务", 14, 2, {"type": "hazard.open-task", "kind": "ASSIGNMENT", "out": "assignmentTaskId"}),
    ("Task_AwaitAssignment", "receive", "等待落实整改责任", 15, 2, {"key": "assignmentTaskId"}),
    ("Task_RecordAssignment", "service", "登记五落实", 16, 2, {"type": "hazard.record-task", "kind": "ASSIGNMENT", "in": "assignmentTaskId"}),
    ("Task_OpenRectificationTask", "service", "派发整改任务", 17, 2, {"type": "hazard.open-task", "kind": "RECTIFICATION", "out": "rectificationTaskId"}),
    ("Task_AwaitRectification", "receive", "等待机构整改", 19, 2, {"key": "rectificationTaskId"}),
    ("Task_RecordRectification", "service", "登记整改结果", 20, 2, {"type": "hazard.record-task", "kind": "RECTIFICATION", "in": "rectificationTaskId"}),
    ("Gateway_Verify", "xor", "", 21, 2, {}),
    ("Task_OpenVerificationTask", "service", "派发核查任务", 22, 2, {"type": "hazard.open-task", "kind": "VERIFICATION", "out": "verificationTaskId"}),
    ("Task_AwaitVerification", "receive", "等待现场核查", 23, 2, {"key": "verificationTaskId"}),
    ("Task_RecordVerification", "service", "登记核查结果", 24, 2, {"type": "hazard.record-task", "kind": "VERIFICATION", "in": "verificationTaskId"}),
    ("Gateway_VerificationPassed", "xor", "核查通过？", 25, 2, {"default": "Flow_NotPassed"}),
    ("Task_CloseHazard", "service", "销号", 26, 2, {"type": "hazard.close"}),
    ("Event_RecheckDue", "timer", "回头看时间到", 27, 2, {"date": "=date and time(recheckAt)"}),
    ("Task_OpenRecheckTask", "service", "派发回头看任务", 28, 2, {"type": "hazard.open-task", "kind": "RECHECK", "out": "recheckTaskId"}),
    ("Task_AwaitRecheck", "receive", "等待回头看", 29, 2, {"key": "recheckTaskId"}),
    ("Task_RecordRecheck", "service", "登记回头看结果", 30, 2, {"type": "hazard.record-task", "kind": "RECHECK", "in": "recheckTaskId"}),
    ("Gateway_Rebound", "xor", "反弹回潮？", 31, 2, {"default": "Flow_NoRebound"}),
    ("EndEvent_HazardClosed", "end", "隐患已销号", 32, 2, {}),
    ("Task_ReopenHazard", "service", "重新立案", 31, 4, {"type": "hazard.reopen", "outputs": {"hazardId": "=newHazardId"}}),
    # on the rectification wait
    ("Task_RemindInstitution", "service", "提醒整改期限", 20, 6, {"type": "hazard.remind"}),
    ("EndEvent_Reminded", "end", "已提醒", 21, 6, {}),
    ("Task_EscalateOverdue", "service", "逾期督办", 20, 5, {"type": "hazard.escalate", "headers": {"level": "1"}}),
    ("EndEvent_OverdueEscalated", "end", "已督办，继续挂账", 21, 5, {}),
    ("Task_EscalateToLeader", "service", "逾期升级至领导", 20, 4, {"type": "hazard.escalate", "headers": {"level": "2"}}),
    ("EndEvent_LeaderEscalated", "end", "已约谈通报", 21, 4, {}),
    ("Task_OpenExtensionTask", "service", "派发延期审批任务", 20, 7, {"type": "hazard.open-task", "kind": "EXTENSION", "out": "extensionTaskId"}),
    ("Task_AwaitExtensionDecision", "receive", "等待延期审批", 21, 7, {"key": "extensionTaskId"}),
    ("Task_RecordExtensionDecision", "service", "登记延期审批", 22, 7, {"type": "hazard.record-task", "kind": "EXTENSION", "in": "extensionTaskId"}),
    ("Gateway_BackToRectification", "xor", "", 18, 2, {}),
]
BOUNDARIES = [
    # id, attached to, name, interrupting, definition, position index on the task's bottom edge
    ("Event_ExtensionRequested", "Task_AwaitRectification", "申请延期", True, ("message", "Message_ExtensionRequested"), 0),
    ("Event_ReminderDue", "Task_AwaitRectification", "整改期限将至", False, ("timer", "=date and time(reminderAt)"), 1),
    ("Event_DeadlinePassed", "Task_AwaitRectification", "整改逾期", False, ("timer", "=date and time(deadlineAt)"), 2),
    ("Event_SecondEscalationDue", "Task_AwaitRectification", "逾期未改", False, ("timer", "=date and time(secondEscalationAt)"), 3),
]
FLOWS = [
    # id, source, target, name, condition[, lane: the row a long flow runs along, above or below the others]
    ("Flow_1", "StartEvent_HazardReported", "Task_GradeHazard", None, None),
    ("Flow_2", "Task_GradeHazard", "Task_RecordGrading", None, None),
    ("Flow_3", "Task_RecordGrading", "Gateway_FixedOnSite", None, None),
    ("Flow_FixedOnSite", "Gateway_FixedOnSite", "Gateway_Verify", "立查立改", "=fixedOnSite = true", -1),
    ("Flow_NotFixedOnSite", "Gateway_FixedOnSite", "Gateway_Major", None, None),
    ("Flow_Major", "Gateway_Major", "Task_OpenSupervisionTask", "重大", '=grading.listedSupervision = true'),
    ("Flow_General", "Gateway_Major", "Gateway_Assign", "一般", None),
    ("Flow_4", "Task_OpenSupervisionTask", "Task_AwaitSupervision", None, None),
    ("Flow_5", "Task_AwaitSupervision", "Task_RecordSupervision", None, None),
    ("Flow_6", "Task_RecordSupervision", "Gateway_EmergencyRequired", None, None),
    ("Flow_Emergency", "Gateway_EmergencyRequired", "Task_OpenEmergencyTask", "是", "=grading.emergencyMeasures = true"),
    ("Flow_NoEmergency", "Gateway_EmergencyRequired", "Gateway_EmergencyDone", "否", None),
    ("Flow_7", "Task_OpenEmergencyTask", "Task_AwaitEmergencyMeasures", None, None),
    ("Flow_8", "Task_AwaitEmergencyMeasures", "Task_RecordEmergencyMeasures", None, None),
    ("Flow_9", "Task_RecordEmergencyMeasures", "Gateway_EmergencyDone", None, None),
    ("Flow_10", "Gateway_EmergencyDone", "Gateway_Assign", None, None),
    ("Flow_11", "Gateway_Assign", "Task_OpenAssignmentTask", None, None),
    ("Flow_12", "Task_OpenAssignmentTask", "Task_AwaitAssignment", None, None),
    ("Flow_13", "Task_AwaitAssignment", "Task_RecordAssignment", None, None),
    ("Flow_14", "Task_RecordAssignment", "Task_OpenRectificationTask", None, None),
    ("Flow_15", "Task_OpenRectificationTask", "Gateway_BackToRectification", None, None),
    ("Flow_38", "Gateway_BackToRectification", "Task_AwaitRectification", None, None),
    ("Flow_16", "Task_AwaitRectification", "Task_RecordRectification", None, None),
    ("Flow_17", "Task_RecordRectification", "Gateway_Verify", None, None),
    ("Flow_18", "Gateway_Verify", "Task_OpenVerificationTask", None, None),
    ("Flow_19", "Task_OpenVerificationTask", "Task_AwaitVerification", None, None),
    ("Flow_20", "Task_AwaitVerification", "Task_RecordVerification", None, None),
    ("Flow_21", "Task_RecordVerification", "Gateway_VerificationPassed", None, None),
    ("Flow_Passed", "Gateway_VerificationPassed", "Task_CloseHazard", "通过", "=verificationPassed = true"),
    ("Flow_NotPassed", "Gateway_VerificationPassed", "Task_OpenRectificationTask", "未通过，重新整改", None, 1.2),
    ("Flow_22", "Task_CloseHazard", "Event_RecheckDue", None, None),
    ("Flow_23", "Event_RecheckDue", "Task_OpenRecheckTask", None, None),
    ("Flow_24", "Task_OpenRecheckTask", "Task_AwaitRecheck", None, None),
    ("Flow_25", "Task_AwaitRecheck", "Task_RecordRecheck", None, None),
    ("Flow_26", "Task_RecordRecheck", "Gateway_Rebound", None, None),
    ("Flow_NoRebound", "Gateway_Rebound", "EndEvent_HazardClosed", "未反弹", None),
    ("Flow_Rebound", "Gateway_Rebound", "Task_ReopenHazard", "反弹", "=rebound = true"),
    ("Flow_Reopened", "Task_ReopenHazard", "Task_GradeHazard", "作为新隐患重新整改", None, 8.8),
    ("Flow_27", "Event_ReminderDue", "Task_RemindInstitution", None, None),
    ("Flow_28", "Task_RemindInstitution", "EndEvent_Reminded", None, None),
    ("Flow_29", "Event_DeadlinePassed", "Task_EscalateOverdue", None, None),
    ("Flow_30", "Task_EscalateOverdue", "EndEvent_OverdueEscalated", None, None),
    ("Flow_31", "Event_SecondEscalationDue", "Task_EscalateToLeader", None, None),
    ("Flow_32", "Task_EscalateToLeader", "EndEvent_LeaderEscalated", None, None),
    ("Flow_33", "Event_ExtensionRequested", "Task_OpenExtensionTask", None, None),
    ("Flow_34", "Task_OpenExtensionTask", "Task_AwaitExtensionDecision", None, None),
    ("Flow_35", "Task_AwaitExtensionDecision", "Task_RecordExtensionDecision", None, None),
    ("Flow_36", "Task_RecordExtensionDecision", "Gateway_BackToRectification", "按审批后的期限继续整改", None, 8.2),

]
MESSAGES = [("Message_" + n[0].split("_", 1)[1], "inbox-task-completed", n[5]["key"]) for n in NODES if n[1] == "receive"]
MESSAGES.append(("Message_ExtensionRequested", "hazard-extension-requested", "hazardId"))
DOC = ("The rectification loop of one hazard (隐患整改闭环): graded by the HazardGrading decision; fixed on the spot "
       "(立查立改) or, for major hazards, put under a leader's supervision (挂牌督办) with emergency measures first; "
       "responsibilities assigned (五落实); rectified by the institution while reminders, overdue escalation in two "
       "levels and extension requests run on its wait; verified on site; closed; re-checked (回头看), and reopened as a "
       "new case if it rebounded. Every step is recorded in the ledger by a worker; human steps are inbox tasks whose "
       "completion is published as message inbox-task-completed with the task id as correlation key.")


if __name__ == "__main__":
    bpmn_writer.write("HazardRectification", "隐患整改闭环", DOC, NODES, BOUNDARIES, FLOWS, MESSAGES, "hazard-rectification.bpmn")
