#!/usr/bin/env python3
"""Writes src/main/resources/processes/whistleblower-triage.bpmn with its diagram (bpmn_writer.py draws it).

Rerun: python3 processes/tools/whistleblower_triage.py
"""
import bpmn_writer

# Each person's step is one box, as in the hazard loop: whistleblower.open-task (header kind) opens an inbox task and
# returns its id, a receive task waits for inbox-task-completed with that id, whistleblower.record-task records it;
# the wait has its reminder and deadline (due).
NODES = [
    ("StartEvent_ReportReceived", "start", "收到举报", 0, 1, {}),
    bpmn_writer.human_step("whistleblower", "Verification", "举报核查", 1, 1, "WHISTLEBLOWER_VERIFICATION",
                           "verificationTaskId", "派发核查任务", "等待核查", "登记核查结果", due="举报核查"),
    ("Gateway_Substantiated", "xor", "情况属实？", 2, 1, {"default": "Flow_Dismissed"}),
    bpmn_writer.human_step("whistleblower", "Reward", "奖励认定", 3, 0, "WHISTLEBLOWER_REWARD",
                           "rewardTaskId", "派发奖励认定任务", "等待奖励认定", "登记奖励认定", due="奖励认定"),
    ("Gateway_Feedback", "xor", "", 4, 1, {}),
    ("Task_CloseReport", "service", "办结并反馈", 5, 1, {"type": "whistleblower.close"}),
    ("EndEvent_ReportHandled", "end", "举报已办结", 6, 1, {}),
]
FLOWS = [
    ("Flow_1", "StartEvent_ReportReceived", "SubProcess_Verification", None, None),
    ("Flow_4", "SubProcess_Verification", "Gateway_Substantiated", None, None),
    ("Flow_Substantiated", "Gateway_Substantiated", "SubProcess_Reward", "属实，已立案", "=substantiated"),
    ("Flow_Dismissed", "Gateway_Substantiated", "Gateway_Feedback", "不予立案", None),
    ("Flow_7", "SubProcess_Reward", "Gateway_Feedback", None, None),
    ("Flow_8", "Gateway_Feedback", "Task_CloseReport", None, None),
    ("Flow_9", "Task_CloseReport", "EndEvent_ReportHandled", None, None),
]
MESSAGES = [("Message_" + n[0].split("_", 1)[1], "inbox-task-completed", n[5]["key"])
            for n in bpmn_writer.all_nodes(NODES) if n[1] == "receive"]
DOC = ("The triage of one whistleblower report (安全吹哨人): the bureau section verifies it; if it holds, a hazard goes "
       "into its rectification loop (source 举报) and the leader decides on a reward; otherwise it is dismissed with "
       "the reason. The reporter sees each outcome with the tracking code. Every step is recorded in the ledger.")

if __name__ == "__main__":
    bpmn_writer.write("WhistleblowerTriage", "举报核查处理", DOC, NODES, [], FLOWS, MESSAGES, "whistleblower-triage.bpmn")
