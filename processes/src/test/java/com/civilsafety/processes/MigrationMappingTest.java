package com.civilsafety.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.processes.migration.MigrationMapping;
import com.civilsafety.processes.migration.MigrationMapping.Action;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MigrationMappingTest {

    @Test
    void sameIdsMapAChangedTimerIsArmedAfreshAndARemovedElementCannotBeMapped() throws IOException {
        String shipped = new String(getClass().getResourceAsStream("/processes/campaign-phase.bpmn").readAllBytes(), StandardCharsets.UTF_8);
        String revised = shipped.replace("=date and time(remindAt)<", "=date and time(remindAt) + duration(\"PT2H\")<")
                .replace("Task_RemindPhase", "Task_NotifyPhase");

        Map<String, MigrationMapping.Row> rows = MigrationMapping.propose(shipped, revised).stream()
                .collect(Collectors.toMap(MigrationMapping.Row::elementId, r -> r));

        assertThat(rows.get("Gateway_AwaitEnd").action()).isEqualTo(Action.MAP);
        assertThat(rows.get("Event_PhaseEnds").action()).isEqualTo(Action.MAP);
        assertThat(rows.get("Event_ReminderDue").action()).isEqualTo(Action.REARM);
        assertThat(rows.get("Event_ReminderDue").detail()).contains("duration(\"PT2H\")");
        assertThat(rows.get("Task_RemindPhase").action()).isEqualTo(Action.DROPPED);
        assertThat(MigrationMapping.propose(shipped, shipped)).allMatch(r -> r.action() == Action.MAP);
    }
}
