package com.civilsafety.processes;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a model says about one element: where its single outgoing flow leads, and its output mappings. */
public final class ModelGraph {
    private final BpmnModelInstance model;

    public ModelGraph(String xml) {
        this.model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The element the element's only outgoing sequence flow leads to; empty if it has none or several. */
    public Optional<String> next(String elementId) {
        if (!(model.getModelElementById(elementId) instanceof FlowNode node) || node.getOutgoing().size() != 1) {
            return Optional.empty();
        }
        SequenceFlow flow = node.getOutgoing().iterator().next();
        return Optional.of(flow.getTarget().getId());
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
     * The element's output mappings whose source is a plain variable ({@code =taskId}), source name to target name.
     * With output mappings a job's variables stay local to the task and only the mapped ones reach the process;
     * without, all of them do (empty map).
     */
    public Map<String, String> outputs(String elementId) {
        Map<String, String> outputs = new LinkedHashMap<>();
        if (model.getModelElementById(elementId) instanceof FlowNode node) {
            node.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.ExtensionElements.class).forEach(ext ->
                    ext.getChildElementsByType(ZeebeIoMapping.class).forEach(io -> io.getOutputs().forEach((ZeebeOutput out) -> {
                        String source = out.getSource().strip();
                        if (source.matches("=\\s*[A-Za-z_][A-Za-z0-9_]*")) {
                            outputs.put(source.substring(1).strip(), out.getTarget());
                        } else {
                            outputs.put(source, out.getTarget()); // an expression: not replayable from recorded values
                        }
                    })));
        }
        return outputs;
    }
}
