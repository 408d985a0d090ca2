"""Writes a BPMN model with its diagram from tables of nodes, boundary events and flows (see the model scripts next to
this file: hazard_rectification.py, campaign.py). Nodes sit on a grid (column, row); flows are drawn straight or with
right-angle bends.

A node is (id, kind, name, column, row, extra). Kinds and their extras:
  start, end, xor (default), parallel, eventgw
  service: type, kind (task header), headers, in (variable read as taskId), out (taskId written to), outputs
  receive: key (the correlation key variable; the message is Message_<id without prefix>)
  rule: decision, result
  timer: date (a timeDate expression)      msgcatch: message (a message id)
  call: process, and optionally collection, element (multi-instance), sequential
  sub: nodes, boundaries, flows — a collapsed embedded subprocess: one box in the diagram, its inside (tables of its
       own, on a grid of their own) drawn on a plane of its own that a viewer drills down into
A boundary is (id, attached to, name, interrupting, ("timer", expression) | ("message", message id), index).
A flow is (id, source, target, name, condition[, lane]); lane is the row a long flow runs along.
A message is (id, name, correlation key variable).
A person's step is one box made by human_step: open the inbox task, wait for it (with its reminder and deadline),
record it.
"""
import os
import pathlib
from xml.sax.saxutils import escape

COL, ROW, X0, Y0 = 150, 130, 150, 260
SIZE = {"start": (36, 36), "end": (36, 36), "timer": (36, 36), "msgcatch": (36, 36), "xor": (50, 50),
        "parallel": (50, 50), "eventgw": (50, 50)}
TAGS = {"start": "startEvent", "end": "endEvent", "service": "serviceTask", "receive": "receiveTask",
        "xor": "exclusiveGateway", "parallel": "parallelGateway", "eventgw": "eventBasedGateway",
        "rule": "businessRuleTask", "timer": "intermediateCatchEvent", "msgcatch": "intermediateCatchEvent",
        "call": "callActivity", "sub": "subProcess"}
GATEWAYS = {"xor", "parallel", "eventgw"}
EVENTS = {"start", "end", "timer", "msgcatch"}


def human_step(job, step, name, col, row, kind, var, open_name, wait_name, record_name,
               wait_col=2, extra_nodes=(), boundaries=(), extra_flows=(), open_to=None, open_id=None, due=None):
    """A person's step as one box: start, open the inbox task (<job>.open-task), wait for its completion, record what
    was submitted (<job>.record-task), end. The nodes, boundaries and flows given are added inside the box.

    due names the step in short (五落实): its wait gets the two timers every wait for a person has — 办理期限将至 reminds
    the task's owner (task.remind-due), 办理逾期 tells those who answer for the owner (task.escalate-overdue) — at the
    dates the opening step answers (remindAt, dueAt), kept as <var's prefix>RemindAt and <var's prefix>DueAt."""
    wait = f"Task_Await{step}"
    opener = open_id or f"Task_Open{step}Task"
    prefix = var[:-len("TaskId")]
    nodes = [
        (f"StartEvent_{step}", "start", "开始", 0, 1, {}),
        (opener, "service", open_name, 1, 1,
         {"type": f"{job}.open-task", "kind": kind, "out": var,
          "outputs": {f"{prefix}RemindAt": "=remindAt", f"{prefix}DueAt": "=dueAt"} if due else {}}),
        (wait, "receive", wait_name, wait_col, 1, {"key": var}),
        (f"Task_Record{step}", "service", record_name, wait_col + 1, 1,
         {"type": f"{job}.record-task", "kind": kind, "in": var}),
        (f"EndEvent_{step}Recorded", "end", "办结", wait_col + 2, 1, {}),
    ] + list(extra_nodes)
    flows = [
        (f"Flow_{step}Start", f"StartEvent_{step}", opener, None, None),
        (f"Flow_{step}Opened", opener, open_to or wait, None, None),
        (f"Flow_{step}Done", wait, f"Task_Record{step}", None, None),
        (f"Flow_{step}Recorded", f"Task_Record{step}", f"EndEvent_{step}Recorded", None, None),
    ] + list(extra_flows)
    boundaries = list(boundaries)
    if due:
        # the escalation leaves the wait's left, the reminder its right: their flows do not cross
        for event, label, date, task, task_name, job_type, end, end_name, index, lane in (
                ("Overdue", "办理逾期", f"{prefix}DueAt", f"Task_Escalate{step}", f"{due}逾期督办", "task.escalate-overdue",
                 f"EndEvent_{step}Escalated", "已督办", 0, 3),
                ("ReminderDue", "办理期限将至", f"{prefix}RemindAt", f"Task_Remind{step}", f"提醒{due}", "task.remind-due",
                 f"EndEvent_{step}Reminded", "已提醒", 1, 2)):
            boundaries.append((f"Event_{step}{event}", wait, label, False, ("timer", f"=date and time({date})"), index))
            nodes += [(task, "service", task_name, wait_col + 1, lane, {"type": job_type, "in": var}),
                      (end, "end", end_name, wait_col + 2, lane, {})]
            flows += [(f"Flow_{step}{event}", f"Event_{step}{event}", task, None, None),
                      (f"Flow_{step}{event}Done", task, end, None, None)]
    return (f"SubProcess_{step}", "sub", name, col, row, {"nodes": nodes, "boundaries": boundaries, "flows": flows})


def box(node):
    _, kind, _, col, row, _ = node
    w, h = SIZE.get(kind, (100, 80))
    cx, cy = X0 + col * COL + 50, Y0 + row * ROW
    return cx - w // 2, cy - h // 2, w, h


def write(process_id, name, doc, nodes_table, boundaries, flows, messages, target):
    out = []
    A = out.append
    A('<?xml version="1.0" encoding="UTF-8"?>')
    A('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
      'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
      'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
      f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_{process_id}" '
      'targetNamespace="https://civil-safety/processes" exporter="civil-safety" exporterVersion="0.2" '
      'modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">')
    A(f'  <bpmn:process id="{process_id}" name="{name}" isExecutable="true">')
    A(f'    <bpmn:documentation>{escape(doc)}</bpmn:documentation>')
    elements(A, nodes_table, boundaries, flows, "    ")
    A('  </bpmn:process>')
    for mid, mname, key in messages:
        A(f'  <bpmn:message id="{mid}" name="{mname}">')
        A(f'    <bpmn:extensionElements>\n      <zeebe:subscription correlationKey="=string({key})" />\n    </bpmn:extensionElements>')
        A('  </bpmn:message>')
    plane(A, process_id, nodes_table, boundaries, flows)
    for n in all_nodes(nodes_table):
        if n[1] == "sub":
            plane(A, n[0], n[5]["nodes"], n[5].get("boundaries", []), n[5]["flows"])
    A('</bpmn:definitions>')
    # BPMN_OUT_DIR lets ModelSourcesTest compare what the script writes with the committed model
    folder = os.environ.get("BPMN_OUT_DIR") or pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/processes"
    path = pathlib.Path(folder) / target
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def all_nodes(nodes_table):
    """The nodes of a table and of the subprocesses in it, at any depth."""
    for n in nodes_table:
        yield n
        if n[1] == "sub":
            yield from all_nodes(n[5]["nodes"])


def with_lanes(flows):
    return [f if len(f) == 6 else f + (None,) for f in flows]


def elements(A, nodes_table, boundaries, flows, I):
    """The semantic elements of one scope (the process or a subprocess), indented by I."""
    flows = with_lanes(flows)
    incoming, outgoing = {}, {}
    for fid, s, t, _, _, _ in flows:
        outgoing.setdefault(s, []).append(fid)
        incoming.setdefault(t, []).append(fid)
    for nid, kind, label, _, _, extra in nodes_table:
        attrs = f'id="{nid}"' + (f' name="{label}"' if label else '')
        if kind == "receive":
            attrs += f' messageRef="Message_{nid.split("_", 1)[1]}"'
        if kind == "xor" and "default" in extra:
            attrs += f' default="{extra["default"]}"'
        A(f'{I}<bpmn:{TAGS[kind]} {attrs}>')
        if kind == "service":
            service_extensions(A, extra, I)
        if kind == "rule":
            A(f'{I}  <bpmn:extensionElements>')
            A(f'{I}    <zeebe:calledDecision decisionId="{extra["decision"]}" resultVariable="{extra["result"]}" />')
            A(f'{I}  </bpmn:extensionElements>')
        if kind == "call":
            A(f'{I}  <bpmn:extensionElements>')
            A(f'{I}    <zeebe:calledElement processId="{extra["process"]}" propagateAllChildVariables="false" />')
            A(f'{I}  </bpmn:extensionElements>')
        for f in incoming.get(nid, []):
            A(f'{I}  <bpmn:incoming>{f}</bpmn:incoming>')
        for f in outgoing.get(nid, []):
            A(f'{I}  <bpmn:outgoing>{f}</bpmn:outgoing>')
        if kind == "call" and "collection" in extra:
            sequential = ' isSequential="true"' if extra.get("sequential") else ''
            A(f'{I}  <bpmn:multiInstanceLoopCharacteristics{sequential}>')
            A(f'{I}    <bpmn:extensionElements>')
            A(f'{I}      <zeebe:loopCharacteristics inputCollection="{extra["collection"]}" inputElement="{extra["element"]}" />')
            A(f'{I}    </bpmn:extensionElements>')
            A(f'{I}  </bpmn:multiInstanceLoopCharacteristics>')
        if kind == "timer":
            timer(A, nid, extra["date"], I)
        if kind == "msgcatch":
            A(f'{I}  <bpmn:messageEventDefinition id="{nid}_Message" messageRef="{extra["message"]}" />')
        if kind == "sub":
            elements(A, extra["nodes"], extra.get("boundaries", []), extra["flows"], I + "  ")
        A(f'{I}</bpmn:{TAGS[kind]}>')
    for bid, attached, label, interrupting, (dkind, value), _ in boundaries:
        cancel = "" if interrupting else ' cancelActivity="false"'
        A(f'{I}<bpmn:boundaryEvent id="{bid}" name="{label}"{cancel} attachedToRef="{attached}">')
        for f in outgoing.get(bid, []):
            A(f'{I}  <bpmn:outgoing>{f}</bpmn:outgoing>')
        if dkind == "timer":
            timer(A, bid, value, I)
        else:
            A(f'{I}  <bpmn:messageEventDefinition id="{bid}_Message" messageRef="{value}" />')
        A(f'{I}</bpmn:boundaryEvent>')
    for fid, s, t, label, cond, _ in flows:
        n = f' name="{label}"' if label else ''
        if cond:
            A(f'{I}<bpmn:sequenceFlow id="{fid}"{n} sourceRef="{s}" targetRef="{t}">')
            A(f'{I}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{cond}</bpmn:conditionExpression>')
            A(f'{I}</bpmn:sequenceFlow>')
        else:
            A(f'{I}<bpmn:sequenceFlow id="{fid}"{n} sourceRef="{s}" targetRef="{t}" />')


def plane(A, element_id, nodes_table, boundaries, flows):
    """The diagram of one scope: the process's, or a collapsed subprocess's inside."""
    nodes = {n[0]: n for n in nodes_table}
    boxes = {n[0]: box(n) for n in nodes_table}
    for bid, attached, _, _, _, index in boundaries:
        x, y, w, h = boxes[attached]
        boxes[bid] = (x + 4 + index * 24, y + h - 18, 36, 36)
    A(f'  <bpmndi:BPMNDiagram id="Diagram_{element_id}">')
    A(f'    <bpmndi:BPMNPlane id="Plane_{element_id}" bpmnElement="{element_id}">')
    boundary_index = {b[0]: b[5] for b in boundaries}
    for nid, (x, y, w, h) in boxes.items():
        kind = nodes[nid][1] if nid in nodes else "boundary"
        marker = ' isMarkerVisible="true"' if kind == "xor" else ''
        marker += ' isExpanded="false"' if kind == "sub" else ''
        A(f'      <bpmndi:BPMNShape id="{nid}_di" bpmnElement="{nid}"{marker}>')
        A(f'        <dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" />')
        if kind == "boundary":
            # boundary events sit side by side: stagger their labels below them
            index = boundary_index[nid]
            A(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{x + 40}" y="{y + h + 4 + index * 22}" width="70" height="14" />\n        </bpmndi:BPMNLabel>')
        elif kind in EVENTS or kind in GATEWAYS:
            A(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{x - 22}" y="{y + h + 4}" width="{w + 44}" height="14" />\n        </bpmndi:BPMNLabel>')
        A('      </bpmndi:BPMNShape>')
    for fid, s, t, label, _, lane in with_lanes(flows):
        pts = waypoints(boxes[s], boxes[t], lane, s in boundary_index)
        A(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">')
        for px, py in pts:
            A(f'        <di:waypoint x="{px}" y="{py}" />')
        if label:
            lx, ly = pts[1] if len(pts) > 2 else pts[0]
            A(f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{lx + 4}" y="{ly - 18}" width="90" height="14" />\n        </bpmndi:BPMNLabel>')
        A('      </bpmndi:BPMNEdge>')
    A('    </bpmndi:BPMNPlane>')
    A('  </bpmndi:BPMNDiagram>')


def service_extensions(A, extra, I):
    A(f'{I}  <bpmn:extensionElements>')
    A(f'{I}    <zeebe:taskDefinition type="{extra["type"]}" retries="5" />')
    headers = dict(extra.get("headers", {}))
    if "kind" in extra:
        headers["kind"] = extra["kind"]
    if headers:
        A(f'{I}    <zeebe:taskHeaders>')
        for k, v in headers.items():
            A(f'{I}      <zeebe:header key="{k}" value="{v}" />')
        A(f'{I}    </zeebe:taskHeaders>')
    mappings_in = [("=" + extra["in"], "taskId")] if "in" in extra else []
    mappings_out = [("=taskId", extra["out"])] if "out" in extra else []
    mappings_out += [(src, target) for target, src in extra.get("outputs", {}).items()]
    if mappings_in or mappings_out:
        A(f'{I}    <zeebe:ioMapping>')
        for src, target in mappings_in:
            A(f'{I}      <zeebe:input source="{src}" target="{target}" />')
        for src, target in mappings_out:
            A(f'{I}      <zeebe:output source="{src}" target="{target}" />')
        A(f'{I}    </zeebe:ioMapping>')
    A(f'{I}  </bpmn:extensionElements>')


def timer(A, element_id, expression, I):
    A(f'{I}  <bpmn:timerEventDefinition id="{element_id}_Timer">')
    A(f'{I}    <bpmn:timeDate xsi:type="bpmn:tFormalExpression">{expression}</bpmn:timeDate>')
    A(f'{I}  </bpmn:timerEventDefinition>')


def waypoints(source, target, lane, from_boundary):
    sx, sy, sw, sh = source
    tx, ty, tw, th = target
    scx, scy, tcx, tcy = sx + sw // 2, sy + sh // 2, tx + tw // 2, ty + th // 2
    if lane is not None:
        ly = int(Y0 + lane * ROW)
        return [(scx, sy if ly < scy else sy + sh), (scx, ly), (tcx, ly), (tcx, ty if ly < tcy else ty + th)]
    if from_boundary:
        return [(scx, sy + sh), (scx, tcy), (tx, tcy)] if scx < tx else [(scx, sy + sh), (scx, tcy), (tx + tw, tcy)]
    if abs(scy - tcy) < 2:
        if tx > sx:
            return [(sx + sw, scy), (tx, tcy)]
        return [(scx, sy + sh), (scx, sy + sh + 40), (tcx, sy + sh + 40), (tcx, ty + th)]
    if tx > sx:
        return [(scx, sy if tcy < scy else sy + sh), (scx, tcy), (tx, tcy)]
    bottom = max(sy + sh, ty + th) + 45
    return [(scx, sy + sh), (scx, bottom), (tcx, bottom), (tcx, ty + th)]
