package com.civilsafety.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our model conventions: readable element ids, Chinese names people know, and a diagram for every element. */
class ModelConventionsTest {
    private static final Pattern READABLE_ID = Pattern.compile("(StartEvent|EndEvent|Event|Task|Gateway|SubProcess)_[A-Z][A-Za-z]+");
    private static final Pattern CHINESE = Pattern.compile(".*\\p{IsHan}.*");

    @ParameterizedTest
    @ValueSource(strings = {"processes/hazard-rectification.bpmn", "processes/campaign.bpmn",
            "processes/campaign-phase.bpmn", "processes/campaign-deliverable.bpmn",
            "processes/campaign-dispatch.bpmn", "processes/whistleblower-triage.bpmn"})
    void elementsHaveReadableIdsChineseNamesAndShapes(String resource) throws IOException {
        // a gateway that only joins flows needs no name; every other element carries the label people know
        BpmnModelInstance model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            model = Bpmn.readModelFromStream(in);
        }
        Bpmn.validateModel(model);
        Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
        assertThat(nodes).isNotEmpty().allSatisfy(node -> {
            assertThat(node.getId()).matches(READABLE_ID);
            if (!(node instanceof Gateway && node.getOutgoing().size() == 1)) {
                assertThat(node.getName()).as("name of %s", node.getId()).matches(CHINESE);
            }
            assertThat(node.getDiagramElement()).as("shape of %s", node.getId()).isNotNull();
        });
        assertThat(model.getModelElementsByType(SequenceFlow.class)).allSatisfy(flow -> {
            assertThat(flow.getId()).startsWith("Flow_");
            assertThat(flow.getDiagramElement()).as("edge of %s", flow.getId()).isNotNull();
        });
    }
}
