package com.civilsafety.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.processes.migration.MigrationMapping;
import com.civilsafety.processes.migration.TimerDates;
import io.camunda.zeebe.el.EvaluationContext;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
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
        assertThat(rows.get("Event_ReminderDue").detail()).as("in words, not FEEL").doesNotContain("=").contains("重新计时");
        assertThat(rows.get("Task_RemindPhase").action()).isEqualTo(Action.DROPPED);
        assertThat(rows.get("Task_NotifyPhase").action()).as("what only the new revision has is shown").isEqualTo(Action.ADDED);
        assertThat(MigrationMapping.propose(shipped, shipped)).allMatch(r -> r.action() == Action.MAP);
    }

    @Test
    void aTimerIsDatedAsTheEngineWouldArmItWithTheInstancesVariables() throws IOException {
        String shipped = new String(getClass().getResourceAsStream("/processes/campaign-phase.bpmn").readAllBytes(), StandardCharsets.UTF_8);
        String revised = shipped.replace("=date and time(remindAt)<", "=date and time(remindAt) + duration(\"PT2H\")<");
        Instant now = Instant.parse("2027-03-01T02:00:00Z");
        TimerDates dates = new TimerDates(revised, Clock.fixed(now, ZoneOffset.UTC));

        List<TimerDates.Timer> waiting = dates.waitingOn("Gateway_AwaitEnd");
        assertThat(waiting).extracting(TimerDates.Timer::elementId).contains("Event_ReminderDue", "Event_PhaseEnds");
        TimerDates.Timer reminder = waiting.stream().filter(t -> t.elementId().equals("Event_ReminderDue")).findFirst().orElseThrow();
        Map<String, String> variables = Map.of("remindAt", "\"2027-03-08T09:00:00+08:00\"");
        EvaluationContext context = name -> variables.containsKey(name)
                ? new UnsafeBuffer(MsgPackConverter.convertToMsgPack(variables.get(name))) : null;
        assertThat(dates.dueAt(reminder, context, now)).contains(Instant.parse("2027-03-08T03:00:00Z"));
        assertThat(dates.dueAt(reminder, name -> null, now)).as("a variable the instance lacks: not known beforehand").isEmpty();
        assertThat(dates.waitingOn("Event_Nowhere")).isEmpty();
    }
}
