package com.civilsafety.processes;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A BPMN document read once, and what the platform asks of it: its process, its elements and their names, where an
 * element's single flow leads and comes from, and an element's output mappings.
 */
public final class ModelGraph {
    private final BpmnModelInstance model;

    public ModelGraph(String xml) {
        this.model = read(xml);
    }

    /** Reads a BPMN document given as text. */
    public static BpmnModelInstance read(String xml) {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The id of the (first) process the document defines. */
    public String processId() {
        return model.getModelElementsByType(Process.class).iterator().next().getId();
    }

    /** The (first) process's name as people know it; empty if it has none. */
    public Optional<String> processName() {
        return Optional.ofNullable(model.getModelElementsByType(Process.class).iterator().next().getName()).filter(n -> !n.isBlank());
    }

    public Set<String> elementIds() {
        return model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
    }

    /** Each element's name as people know it (its id when it has none), by id. */
    public Map<String, String> elementNames() {
        Map<String, String> names = new TreeMap<>();
        model.getModelElementsByType(FlowNode.class).forEach(n -> names.put(n.getId(), n.getName() == null ? n.getId() : n.getName()));
        return names;
    }

    /**
     * The element the element's only outgoing sequence flow leads to; empty if it has none or several. A step that
     * ends its box (a subprocess: the end event on the path from the box's start) leads where the box leads; a
     * branch that only ends inside the box, such as a reminder beside a wait, ends there.
     */
    public Optional<String> next(String elementId) {
        if (!(model.getModelElementById(elementId) instanceof FlowNode node) || node.getOutgoing().size() != 1) {
            return Optional.empty();
        }
        FlowNode target = node.getOutgoing().iterator().next().getTarget();
        if (target instanceof EndEvent && target.getParentElement() instanceof SubProcess box
                && pathFromStart(box).contains(target)) {
            return next(box.getId());
        }
        return Optional.of(target.getId());
    }

    /** The elements a box's start event reaches by sequence flows (not those after its boundary events). */
    private static Set<FlowNode> pathFromStart(SubProcess box) {
        Set<FlowNode> reached = new HashSet<>();
        Deque<FlowNode> todo = new ArrayDeque<>(box.getChildElementsByType(StartEvent.class));
        while (!todo.isEmpty()) {
            FlowNode node = todo.pop();
            if (reached.add(node)) {
                node.getOutgoing().forEach(flow -> todo.push(flow.getTarget()));
            }
        }
        return reached;
    }

    /** The element the element's only incoming sequence flow comes from; empty if it has none or several. */
    public Optional<String> previous(String elementId) {
        if (!(model.getModelElementById(elementId) instanceof FlowNode node) || node.getIncoming().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(node.getIncoming().iterator().next().getSource().getId());
    }

    public boolean isEndEvent(String elementId) {
        return model.getModelElementById(elementId) instanceof EndEvent;
    }

    public boolean isReceiveTask(String elementId) {
        return model.getModelElementById(elementId) instanceof ReceiveTask;
    }

    /**
     * The element's output mappings, source to target; a plain variable source ({@code =taskId}) by its name, an
     * expression as written (not replayable from recorded values). With output mappings a job's variables stay local
     * to the task and only the mapped ones reach the process; without, all of them do (empty map).
     */
    public Map<String, String> outputs(String elementId) {
        Map<String, String> outputs = new LinkedHashMap<>();
        ZeebeIoMapping io = model.getModelElementById(elementId) instanceof FlowNode node
                ? node.getSingleExtensionElement(ZeebeIoMapping.class) : null;
        if (io != null) {
            for (ZeebeOutput out : io.getOutputs()) {
                String source = out.getSource().strip();
                outputs.put(source.matches("=\\s*[A-Za-z_][A-Za-z0-9_]*") ? source.substring(1).strip() : source, out.getTarget());
            }
        }
        return outputs;
    }
}
