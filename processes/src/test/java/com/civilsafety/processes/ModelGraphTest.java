package com.civilsafety.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where a step leads, as the rebuild asks it, in the hazard loop whose human steps are boxes. */
class ModelGraphTest {
    private final ModelGraph loop = new ModelGraph(read("processes/hazard-rectification.bpmn"));

    @Test
    void theLastStepInABoxLeadsWhereTheBoxLeads() {
        assertThat(loop.next("Task_RecordAssignment")).hasValue("SubProcess_Rectification");
        assertThat(loop.next("Task_RecordRectification")).hasValue("Gateway_Verify");
        assertThat(loop.next("Task_RecordRecheck")).hasValue("Gateway_Rebound");
    }

    @Test
    void insideABoxStepsLeadToTheNextStepInside() {
        assertThat(loop.next("Task_OpenAssignmentTask")).hasValue("Task_AwaitAssignment");
        assertThat(loop.previous("Task_AwaitAssignment")).hasValue("Task_OpenAssignmentTask");
        assertThat(loop.next("Task_RecordExtensionDecision")).hasValue("Gateway_BackToRectification");
    }

    @Test
    void aBranchBesideAWaitEndsInsideItsBox() {
        assertThat(loop.next("Task_RemindInstitution")).hasValue("EndEvent_Reminded");
        assertThat(loop.isEndEvent("EndEvent_Reminded")).isTrue();
        assertThat(loop.next("Task_EscalateToLeader")).hasValue("EndEvent_LeaderEscalated");
    }

    @Test
    void boxesAndWhatIsInsideThemHaveTheirNames() {
        assertThat(loop.elementNames()).containsEntry("SubProcess_Rectification", "机构整改")
                .containsEntry("Task_AwaitRectification", "等待机构整改");
    }

    private static String read(String resource) {
        try (InputStream in = ModelGraphTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
