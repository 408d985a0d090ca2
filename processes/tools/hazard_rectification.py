#!/usr/bin/env python3
"""Writes src/main/resources/processes/hazard-rectification.bpmn with its diagram (bpmn_writer.py draws it).

This script is the model's source: edit the tables below and rerun python3 processes/tools/hazard_rectification.py
(ModelSourcesTest fails when the .bpmn differs from what the script writes). A revision made in the browser's modeler
is deployed as a new revision of the running model; it does not replace this file.
"""
import bpmn_writer

# Each human step is one box (a collapsed subprocess) so the loop reads as the county knows it. Inside, the same
# three elements every time: hazard.open-task (header kind) opens an inbox task and returns its id, a receive task
# waits for inbox-task-completed with that id, hazard.record-task (header kind) records what the person submitted.
# The rectification box also holds what runs on its wait (reminder, two levels of overdue escalation, extension
# requests, the extension decision a box of its own): they stay on the wait, not on the box, so an approved extension
# re-arms the timers at the new deadline without opening a second task.


RECTIFICATION = bpmn_writer.human_step(
    "hazard", "Rectification", "机构整改", 11, 2, "RECTIFICATION", "rectificationTaskId", "派发整改任务", "等待机构整改", "登记整改结果",
    wait_col=3, open_to="Gateway_BackToRectification",
    extra_nodes=[
        ("Gateway_BackToRectification", "xor", "", 2, 1, {}),
        ("Task_RemindInstitution", "service", "提醒整改期限", 4, 5, {"type": "hazard.remind"}),
        ("EndEvent_Reminded", "end", "已提醒", 5, 5, {}),
        ("Task_EscalateOverdue", "service", "逾期督办", 4, 4, {"type": "hazard.escalate", "headers": {"level": "1"}}),
        ("EndEvent_OverdueEscalated", "end", "已督办，继续挂账", 5, 4, {}),
        ("Task_EscalateToLeader", "service", "逾期升级至领导", 4, 3, {"type": "hazard.escalate", "headers": {"level": "2"}}),
        ("EndEvent_LeaderEscalated", "end", "已约谈通报", 5, 3, {}),
        # the bureau section's decision on an extension is a person's step of its own: a box inside the box
        bpmn_writer.human_step("hazard", "ExtensionDecision", "延期审批", 4, 6, "EXTENSION", "extensionTaskId",
                               "派发延期审批任务", "等待延期审批", "登记延期审批", open_id="Task_OpenExtensionTask",
                               due="延期审批"),
    ],
    boundaries=[
        # id, attached to, name, interrupting, definition, position index on the task's bottom edge
        ("Event_ExtensionRequested", "Task_AwaitRectification", "申请延期", True, ("message", "Message_ExtensionRequested"), 0),
        ("Event_ReminderDue", "Task_AwaitRectification", "整改期限将至", False, ("timer", "=date and time(reminderAt)"), 1),
        ("Event_DeadlinePassed", "Task_AwaitRectification", "整改逾期", False, ("timer", "=date and time(deadlineAt)"), 2),
        ("Event_SecondEscalationDue", "Task_AwaitRectification", "逾期未改", False, ("timer", "=date and time(secondEscalationAt)"), 3),
    ],
    extra_flows=[
        ("Flow_38", "Gateway_BackToRectification", "Task_AwaitRectification", None, None),
        ("Flow_27", "Event_ReminderDue", "Task_RemindInstitution", None, None),
        ("Flow_28", "Task_RemindInstitution", "EndEvent_Reminded", None, None),
        ("Flow_29", "Event_DeadlinePassed", "Task_EscalateOverdue", None, None),
        ("Flow_30", "Task_EscalateOverdue", "EndEvent_OverdueEscalated", None, None),
        ("Flow_31", "Event_SecondEscalationDue", "Task_EscalateToLeader", None, None),
        ("Flow_32", "Task_EscalateToLeader", "EndEvent_LeaderEscalated", None, None),
        ("Flow_33", "Event_ExtensionRequested", "SubProcess_ExtensionDecision", None, None),
        ("Flow_36", "SubProcess_ExtensionDecision", "Gateway_BackToRectification", "按审批后的期限继续整改", None, 7.2),
    ])

NODES = [
    # id, kind, name, col, row, extra
    ("StartEvent_HazardReported", "start", "隐患上报", 0, 2, {}),
    ("Task_GradeHazard", "rule", "隐患定级", 1, 2, {"decision": "HazardGrading", "result": "grading"}),
    ("Task_RecordGrading", "service", "登记定级结果", 2, 2, {"type": "hazard.record-grading"}),
    ("Gateway_FixedOnSite", "xor", "立查立改？", 3, 2, {"default": "Flow_NotFixedOnSite"}),
    ("Gateway_Major", "xor", "重大隐患？", 4, 2, {"default": "Flow_General"}),
    bpmn_writer.human_step("hazard", "Supervision", "领导挂牌督办", 5, 0, "SUPERVISION", "supervisionTaskId",
               "派发挂牌督办任务", "等待领导挂牌督办", "登记挂牌督办", due="挂牌督办"),
    ("Gateway_EmergencyRequired", "xor", "须紧急处置？", 6, 0, {"default": "Flow_NoEmergency"}),
    bpmn_writer.human_step("hazard", "EmergencyMeasures", "机构紧急处置", 7, 0, "EMERGENCY_MEASURES", "emergencyTaskId",
               "派发紧急处置任务", "等待机构紧急处置", "登记紧急处置措施", due="紧急处置"),
    ("Gateway_EmergencyDone", "xor", "", 8, 0, {}),
    ("Gateway_Assign", "xor", "", 9, 2, {}),
    bpmn_writer.human_step("hazard", "Assignment", "落实整改责任（五落实）", 10, 2, "ASSIGNMENT", "assignmentTaskId",
               "派发五落实任务", "等待落实整改责任", "登记五落实", due="五落实"),
    RECTIFICATION,
    ("Gateway_Verify", "xor", "", 12, 2, {}),
    bpmn_writer.human_step("hazard", "Verification", "现场核查", 13, 2, "VERIFICATION", "verificationTaskId",
               "派发核查任务", "等待现场核查", "登记核查结果", due="现场核查"),
    ("Gateway_VerificationPassed", "xor", "核查通过？", 14, 2, {"default": "Flow_NotPassed"}),
    ("Task_CloseHazard", "service", "销号", 15, 2, {"type": "hazard.close"}),
    ("Event_RecheckDue", "timer", "回头看时间到", 16, 2, {"date": "=date and time(recheckAt)"}),
    bpmn_writer.human_step("hazard", "Recheck", "回头看", 17, 2, "RECHECK", "recheckTaskId", "派发回头看任务", "等待回头看", "登记回头看结果",
                           due="回头看"),
    ("Gateway_Rebound", "xor", "反弹回潮？", 18, 2, {"default": "Flow_NoRebound"}),
    ("EndEvent_HazardClosed", "end", "隐患已销号", 19, 2, {}),
    ("Task_ReopenHazard", "service", "重新立案", 18, 4, {"type": "hazard.reopen", "outputs": {"hazardId": "=newHazardId"}}),
]
BOUNDARIES = []
FLOWS = [
    # id, source, target, name, condition[, lane: the row a long flow runs along, above or below the others]
    ("Flow_1", "StartEvent_HazardReported", "Task_GradeHazard", None, None),
    ("Flow_2", "Task_GradeHazard", "Task_RecordGrading", None, None),
    ("Flow_3", "Task_RecordGrading", "Gateway_FixedOnSite", None, None),
    ("Flow_FixedOnSite", "Gateway_FixedOnSite", "Gateway_Verify", "立查立改", "=fixedOnSite = true", -1),
    ("Flow_NotFixedOnSite", "Gateway_FixedOnSite", "Gateway_Major", None, None),
    ("Flow_Major", "Gateway_Major", "SubProcess_Supervision", "重大", '=grading.listedSupervision = true'),
    ("Flow_General", "Gateway_Major", "Gateway_Assign", "一般", None),
    ("Flow_6", "SubProcess_Supervision", "Gateway_EmergencyRequired", None, None),
    ("Flow_Emergency", "Gateway_EmergencyRequired", "SubProcess_EmergencyMeasures", "是", "=grading.emergencyMeasures = true"),
    ("Flow_NoEmergency", "Gateway_EmergencyRequired", "Gateway_EmergencyDone", "否", None, -0.6),
    ("Flow_9", "SubProcess_EmergencyMeasures", "Gateway_EmergencyDone", None, None),
    ("Flow_10", "Gateway_EmergencyDone", "Gateway_Assign", None, None),
    ("Flow_11", "Gateway_Assign", "SubProcess_Assignment", None, None),
    ("Flow_14", "SubProcess_Assignment", "SubProcess_Rectification", None, None),
    ("Flow_17", "SubProcess_Rectification", "Gateway_Verify", None, None),
    ("Flow_18", "Gateway_Verify", "SubProcess_Verification", None, None),
    ("Flow_21", "SubProcess_Verification", "Gateway_VerificationPassed", None, None),
    ("Flow_Passed", "Gateway_VerificationPassed", "Task_CloseHazard", "通过", "=verificationPassed = true"),
    ("Flow_NotPassed", "Gateway_VerificationPassed", "SubProcess_Rectification", "未通过，重新整改", None, 3.2),
    ("Flow_22", "Task_CloseHazard", "Event_RecheckDue", None, None),
    ("Flow_23", "Event_RecheckDue", "SubProcess_Recheck", None, None),
    ("Flow_26", "SubProcess_Recheck", "Gateway_Rebound", None, None),
    ("Flow_NoRebound", "Gateway_Rebound", "EndEvent_HazardClosed", "未反弹", None),
    ("Flow_Rebound", "Gateway_Rebound", "Task_ReopenHazard", "反弹", "=rebound = true"),
    ("Flow_Reopened", "Task_ReopenHazard", "Task_GradeHazard", "作为新隐患重新整改", None, 4.8),
]
MESSAGES = [("Message_" + n[0].split("_", 1)[1], "inbox-task-completed", n[5]["key"])
            for n in bpmn_writer.all_nodes(NODES) if n[1] == "receive"]
MESSAGES.append(("Message_ExtensionRequested", "hazard-extension-requested", "hazardId"))
DOC = ("The rectification loop of one hazard (隐患整改闭环): graded by the HazardGrading decision; fixed on the spot "
       "(立查立改) or, for major hazards, put under a leader's supervision (挂牌督办) with emergency measures first; "
       "responsibilities assigned (五落实); rectified by the institution while reminders, overdue escalation in two "
       "levels and extension requests run on its wait; verified on site; closed; re-checked (回头看), and reopened as a "
       "new case if it rebounded. Every step is recorded in the ledger by a worker; human steps are inbox tasks whose "
       "completion is published as message inbox-task-completed with the task id as correlation key.")


if __name__ == "__main__":
    bpmn_writer.write("HazardRectification", "隐患整改闭环", DOC, NODES, BOUNDARIES, FLOWS, MESSAGES, "hazard-rectification.bpmn")
