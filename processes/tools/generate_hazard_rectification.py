#!/usr/bin/env python3
"""Writes src/main/resources/processes/hazard-rectification.bpmn with its diagram (a straight line, one loop back).

The model is generated so that the layout stays tidy while the loop grows; edit the step list below and rerun
(python3 processes/tools/generate_hazard_rectification.py). Editing the .bpmn in a modeler works too: then this
script is no longer the source and should be deleted.
"""
import pathlib

STEPS = [
    ("start", "StartEvent_HazardReported", "隐患上报", None),
    ("rule", "Task_GradeHazard", "隐患定级", "HazardGrading"),
    ("service", "Task_RecordGrading", "登记定级结果", "hazard.record-grading"),
    ("service", "Task_OpenRectificationTask", "派发整改任务", "hazard.open-rectification-task"),
    ("receive", "Task_AwaitRectification", "等待机构整改", "Message_RectificationSubmitted"),
    ("service", "Task_RecordRectification", "登记整改结果", "hazard.record-rectification"),
    ("service", "Task_OpenVerificationTask", "派发核查任务", "hazard.open-verification-task"),
    ("receive", "Task_AwaitVerification", "等待现场核查", "Message_VerificationSubmitted"),
    ("service", "Task_RecordVerification", "登记核查结果", "hazard.record-verification"),
    ("gateway", "Gateway_VerificationPassed", "核查通过？", None),
    ("service", "Task_CloseHazard", "销号", "hazard.close"),
    ("end", "EndEvent_HazardClosed", "隐患已销号", None),
]
OUTPUTS = {"Task_OpenRectificationTask": "rectificationTaskId", "Task_OpenVerificationTask": "verificationTaskId"}
MESSAGES = (("Message_RectificationSubmitted", "rectificationTaskId"), ("Message_VerificationSubmitted", "verificationTaskId"))
DOC = ("The rectification loop of one hazard: graded by the HazardGrading decision, rectified by the institution, "
       "verified on site by an inspector, closed. Every step is recorded in the ledger by a worker; human steps are "
       "inbox tasks whose completion is published as message inbox-task-completed with the task id as correlation key.")


def main():
    pos, x = {}, 150
    for kind, id_, _, _ in STEPS:
        w, h = (36, 36) if kind in ("start", "end") else (50, 50) if kind == "gateway" else (100, 80)
        pos[id_] = (x, 120 - h // 2, w, h)
        x += w + 50
    flows = []
    for a, b in zip(STEPS, STEPS[1:]):
        if a[1] != "Gateway_VerificationPassed":
            flows.append(("Flow_" + a[1].split("_", 1)[1] + "To" + b[1].split("_", 1)[1], a[1], b[1], None, None))
    flows.append(("Flow_Passed", "Gateway_VerificationPassed", "Task_CloseHazard", "通过", "=verificationPassed = true"))
    flows.append(("Flow_NotPassed", "Gateway_VerificationPassed", "Task_OpenRectificationTask", "未通过，重新整改", None))

    out = []
    A = out.append
    A('<?xml version="1.0" encoding="UTF-8"?>')
    A('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
      'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
      'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_HazardRectification" '
      'targetNamespace="https://civil-safety/processes" exporter="civil-safety" exporterVersion="0.1" '
      'modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">')
    A('  <bpmn:process id="HazardRectification" name="隐患整改闭环" isExecutable="true">')
    A(f'    <bpmn:documentation>{DOC}</bpmn:documentation>')
    incoming = {s[1]: [] for s in STEPS}
    outgoing = {s[1]: [] for s in STEPS}
    for f in flows:
        outgoing[f[1]].append(f[0])
        incoming[f[2]].append(f[0])
    tags = {"start": "startEvent", "end": "endEvent", "service": "serviceTask", "receive": "receiveTask",
            "gateway": "exclusiveGateway", "rule": "businessRuleTask"}
    for kind, id_, name, arg in STEPS:
        attrs = f'id="{id_}" name="{name}"'
        if kind == "receive":
            attrs += f' messageRef="{arg}"'
        if kind == "gateway":
            attrs += ' default="Flow_NotPassed"'
        A(f'    <bpmn:{tags[kind]} {attrs}>')
        if kind == "service":
            A('      <bpmn:extensionElements>')
            A(f'        <zeebe:taskDefinition type="{arg}" retries="5" />')
            if id_ in OUTPUTS:
                A('        <zeebe:ioMapping>')
                A(f'          <zeebe:output source="=taskId" target="{OUTPUTS[id_]}" />')
                A('        </zeebe:ioMapping>')
            A('      </bpmn:extensionElements>')
        if kind == "rule":
            A('      <bpmn:extensionElements>')
            A(f'        <zeebe:calledDecision decisionId="{arg}" resultVariable="grading" />')
            A('      </bpmn:extensionElements>')
        for f in incoming[id_]:
            A(f'      <bpmn:incoming>{f}</bpmn:incoming>')
        for f in outgoing[id_]:
            A(f'      <bpmn:outgoing>{f}</bpmn:outgoing>')
        A(f'    </bpmn:{tags[kind]}>')
    for fid, a, b, name, cond in flows:
        n = f' name="{name}"' if name else ''
        if cond:
            A(f'    <bpmn:sequenceFlow id="{fid}"{n} sourceRef="{a}" targetRef="{b}">')
            A(f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{cond}</bpmn:conditionExpression>')
            A('    </bpmn:sequenceFlow>')
        else:
            A(f'    <bpmn:sequenceFlow id="{fid}"{n} sourceRef="{a}" targetRef="{b}" />')
    A('  </bpmn:process>')
    for mid, key in MESSAGES:
        A(f'  <bpmn:message id="{mid}" name="inbox-task-completed">')
        A(f'    <bpmn:extensionElements>\n      <zeebe:subscription correlationKey="=string({key})" />\n    </bpmn:extensionElements>')
        A('  </bpmn:message>')
    A('  <bpmndi:BPMNDiagram id="Diagram_HazardRectification">')
    A('    <bpmndi:BPMNPlane id="Plane_HazardRectification" bpmnElement="HazardRectification">')
    for kind, id_, _, _ in STEPS:
        x, y, w, h = pos[id_]
        extra = ' isMarkerVisible="true"' if kind == "gateway" else ''
        A(f'      <bpmndi:BPMNShape id="{id_}_di" bpmnElement="{id_}"{extra}>')
        A(f'        <dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" />')
        if kind in ("start", "end", "gateway"):
            A(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{x - 20}" y="{y + h + 5}" width="{w + 40}" height="14" />\n        </bpmndi:BPMNLabel>')
        A('      </bpmndi:BPMNShape>')
    for fid, a, b, name, _ in flows:
        A(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">')
        ax, ay, aw, ah = pos[a]
        bx, by, bw, bh = pos[b]
        if fid == "Flow_NotPassed":
            pts = [(ax + aw // 2, ay + ah), (ax + aw // 2, 260), (bx + bw // 2, 260), (bx + bw // 2, by + bh)]
        else:
            pts = [(ax + aw, ay + ah // 2), (bx, by + bh // 2)]
        for px, py in pts:
            A(f'        <di:waypoint x="{px}" y="{py}" />')
        if name:
            lx, ly = pts[0] if fid == "Flow_Passed" else pts[1]
            ly = ly - 20 if fid == "Flow_Passed" else ly + 5
            A(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{lx + 5}" y="{ly}" width="80" height="14" />\n        </bpmndi:BPMNLabel>')
        A('      </bpmndi:BPMNEdge>')
    A('    </bpmndi:BPMNPlane>')
    A('  </bpmndi:BPMNDiagram>')
    A('</bpmn:definitions>')
    target = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/processes/hazard-rectification.bpmn"
    target.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
