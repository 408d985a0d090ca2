package com.civilsafety.engine.model;

import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.engine.state.EngineInstances.ArmedTimer;
import com.civilsafety.engine.state.EngineInstances.RunningInstance;
import com.civilsafety.processes.ModelGraph;
import com.civilsafety.processes.migration.MigrationMapping;
import com.civilsafety.processes.migration.TimerDates;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.el.EvaluationContext;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What moving one running instance to a new revision would do, before it is done: where it waits, each timer's date
 * now and after the move (a mapped timer keeps its date; an unmapped or added one is armed afresh from the new
 * definition with the instance's variables, as the engine will arm it), and why it cannot move if it cannot.
 */
final class MigrationPreview {
    /** One timer: {@code before} null when the move adds it, {@code after} null when the move cancels it (or its date cannot be known beforehand). */
    record TimerChange(String name, Instant before, Instant after, boolean rearmed) {
    }

    /** One running instance: what it is about, where it waits, its timers, and why it cannot move (null if it can). */
    record PlannedInstance(long processInstanceKey, String subject, List<String> waits, List<TimerChange> timers, String blocked) {
    }

    private final ModelGraph source;
    private final ModelGraph target;
    private final TimerDates targetTimers;
    private final Map<String, MigrationMapping.Row> rows = new HashMap<>();
    private final ObjectMapper json;
    private final Clock clock;

    MigrationPreview(String sourceXml, String targetXml, List<MigrationMapping.Row> mapping, ObjectMapper json, Clock clock) {
        this.source = new ModelGraph(sourceXml);
        this.target = new ModelGraph(targetXml);
        this.targetTimers = new TimerDates(targetXml, clock);
        mapping.forEach(r -> rows.put(r.elementId(), r));
        this.json = json;
        this.clock = clock;
    }

    /** The preview of one instance as the engine holds it; {@code deadlines}: the task dates given to it before the move. */
    PlannedInstance of(RunningInstance instance, String subject, Map<String, Object> deadlines) {
        Map<String, String> sourceNames = source.elementNames();
        Map<String, String> targetNames = target.elementNames();
        List<String> waits = instance.activeElements().stream().map(id -> sourceNames.getOrDefault(id, "未命名环节")).toList();
        String blocked = instance.activeElements().stream().filter(id -> !mapped(id)).findFirst()
                .map(id -> "正在「" + sourceNames.getOrDefault(id, "未命名环节") + "」等待，新版本中无法对应，保持原版本").orElse(null);
        Map<String, Instant> armed = new HashMap<>();
        for (ArmedTimer timer : instance.timers()) {
            armed.put(timer.elementId(), timer.dueAt());
        }
        List<TimerChange> timers = new ArrayList<>();
        Set<String> accounted = new HashSet<>();
        if (blocked == null) {
            EvaluationContext variables = variables(instance.variables(), deadlines);
            Instant now = clock.instant();
            for (String wait : instance.activeElements()) {
                for (TimerDates.Timer timer : targetTimers.waitingOn(wait)) {
                    String name = timer.name() == null ? "未命名计时" : timer.name();
                    Instant before = armed.get(timer.elementId());
                    accounted.add(timer.elementId());
                    if (before != null && mapped(timer.elementId())) {
                        timers.add(new TimerChange(name, before, before, false));
                    } else {
                        timers.add(new TimerChange(name, before, targetTimers.dueAt(timer, variables, now).orElse(null), true));
                    }
                }
            }
        }
        armed.forEach((id, before) -> {
            if (!accounted.contains(id)) {
                timers.add(new TimerChange(targetNames.getOrDefault(id, sourceNames.getOrDefault(id, "未命名计时")), before,
                        blocked == null ? null : before, false));
            }
        });
        return new PlannedInstance(instance.processInstanceKey(), subject, waits, timers, blocked);
    }

    private boolean mapped(String elementId) {
        MigrationMapping.Row row = rows.get(elementId);
        return row != null && row.action() == MigrationMapping.Action.MAP;
    }

    /** the instance's variables as the engine evaluates them (MessagePack), the task dates given before the move over them */
    private EvaluationContext variables(Map<String, String> instanceVariables, Map<String, Object> deadlines) {
        Map<String, UnsafeBuffer> values = new HashMap<>();
        instanceVariables.forEach((name, value) -> {
            if (value != null) {
                values.put(name, new UnsafeBuffer(MsgPackConverter.convertToMsgPack(value)));
            }
        });
        deadlines.forEach((name, value) -> {
            try {
                values.put(name, new UnsafeBuffer(MsgPackConverter.convertToMsgPack(json.writeValueAsString(value))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return values::get;
    }
}
