#!/usr/bin/env python3
"""Writes src/main/resources/processes/whistleblower-triage.bpmn with its diagram (bpmn_writer.py draws it).

Rerun: python3 processes/tools/whistleblower_triage.py
"""
import bpmn_writer

# Human steps follow the hazard loop's pattern: whistleblower.open-task (header kind) opens an inbox task and returns
# its id, a receive task waits for inbox-task-completed with that id, whistleblower.record-task records the answer.
NODES = [
    ("StartEvent_ReportReceived", "start", "收到举报", 0, 1, {}),
    ("Task_OpenVerificationTask", "service", "派发核查任务", 1, 1,
     {"type": "whistleblower.open-task", "kind": "WHISTLEBLOWER_VERIFICATION", "out": "verificationTaskId"}),
    ("Task_AwaitVerification", "receive", "等待核查", 2, 1, {"key": "verificationTaskId"}),
    ("Task_RecordVerification", "service", "登记核查结果", 3, 1,
     {"type": "whistleblower.record-task", "kind": "WHISTLEBLOWER_VERIFICATION", "in": "verificationTaskId"}),
    ("Gateway_Substantiated", "xor", "情况属实？", 4, 1, {"default": "Flow_Dismissed"}),
    ("Task_OpenRewardTask", "service", "派发奖励认定任务", 5, 0,
     {"type": "whistleblower.open-task", "kind": "WHISTLEBLOWER_REWARD", "out": "rewardTaskId"}),
    ("Task_AwaitReward", "receive", "等待奖励认定", 6, 0, {"key": "rewardTaskId"}),
    ("Task_RecordReward", "service", "登记奖励认定", 7, 0,
     {"type": "whistleblower.record-task", "kind": "WHISTLEBLOWER_REWARD", "in": "rewardTaskId"}),
    ("Gateway_Feedback", "xor", "", 8, 1, {}),
    ("Task_CloseReport", "service", "办结并反馈", 9, 1, {"type": "whistleblower.close"}),
    ("EndEvent_ReportHandled", "end", "举报已办结", 10, 1, {}),
]
FLOWS = [
    ("Flow_1", "StartEvent_ReportReceived", "Task_OpenVerificationTask", None, None),
    ("Flow_2", "Task_OpenVerificationTask", "Task_AwaitVerification", None, None),
    ("Flow_3", "Task_AwaitVerification", "Task_RecordVerification", None, None),
    ("Flow_4", "Task_RecordVerification", "Gateway_Substantiated", None, None),
    ("Flow_Substantiated", "Gateway_Substantiated", "Task_OpenRewardTask", "属实，已立案", "=substantiated"),
    ("Flow_Dismissed", "Gateway_Substantiated", "Gateway_Feedback", "不予立案", None),
    ("Flow_5", "Task_OpenRewardTask", "Task_AwaitReward", None, None),
    ("Flow_6", "Task_AwaitReward", "Task_RecordReward", None, None),
    ("Flow_7", "Task_RecordReward", "Gateway_Feedback", None, None),
    ("Flow_8", "Gateway_Feedback", "Task_CloseReport", None, None),
    ("Flow_9", "Task_CloseReport", "EndEvent_ReportHandled", None, None),
]
MESSAGES = [("Message_" + n[0].split("_", 1)[1], "inbox-task-completed", n[5]["key"]) for n in NODES if n[1] == "receive"]
DOC = ("The triage of one whistleblower report (安全吹哨人): the bureau section verifies it; if it holds, a hazard goes "
       "into its rectification loop (source 举报) and the leader decides on a reward; otherwise it is dismissed with "
       "the reason. The reporter sees each outcome with the tracking code. Every step is recorded in the ledger.")

if __name__ == "__main__":
    bpmn_writer.write("WhistleblowerTriage", "举报核查处理", DOC, NODES, [], FLOWS, MESSAGES, "whistleblower-triage.bpmn")
