package com.civilsafety.ledger.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The monitor's queries over what the workers recorded, against the ledger's database alone (no engine): steps
 * counted per element, an open incident counted where it failed, an instance's path in order, the instances seen.
 */
@SpringBootTest
class ProcessProjectionTest {
    private static final String PROCESS = "ProjectionProbe";

    @Autowired
    JobLedger jobLedger;
    @Autowired
    JobIncidents incidents;
    @Autowired
    ProcessProjection projection;

    @Test
    void countsStepsAndIncidentsPerElementAndKeepsEachInstancesPath() {
        long first = 9_100_001L;
        long second = 9_100_002L;
        jobLedger.once(new ProcessStep(9_101, first, "Task_Open", PROCESS), "probe.open", () -> Map.of("taskId", 1));
        jobLedger.once(new ProcessStep(9_102, first, "Task_Record", PROCESS, 2), "probe.record", Map::of);
        jobLedger.once(new ProcessStep(9_103, second, "Task_Open", PROCESS), "probe.open", () -> Map.of("taskId", 2));
        incidents.record(new ProcessStep(9_104, second, "Task_Record", PROCESS), "probe.record", "数据库不可用");

        assertThat(projection.of(PROCESS, null)).extracting(ProcessProjection.ElementCounts::elementId,
                        ProcessProjection.ElementCounts::completed, ProcessProjection.ElementCounts::incidents)
                .containsExactly(tuple("Task_Open", 2L, 0L),
                        tuple("Task_Record", 1L, 1L));
        assertThat(projection.of(PROCESS, "NO_SUCH_SUBJECT")).as("no tasks addressed by that subject: the same counts")
                .isEqualTo(projection.of(PROCESS, null));
        assertThat(projection.path(first)).extracting(ProcessProjection.Step::elementId).containsExactly("Task_Open", "Task_Record");
        assertThat(projection.versionsSeen(PROCESS)).as("the version of its latest step; unknown: 0")
                .containsExactlyInAnyOrderEntriesOf(Map.of(first, 2, second, 0));
        projection.migrated(second, 3);
        assertThat(projection.versionsSeen(PROCESS)).as("moved to version 3").containsEntry(second, 3).containsEntry(first, 2);
        assertThat(projection.of("NoSuchProcess", null)).isEmpty();
    }
}
