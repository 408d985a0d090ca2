package com.civilsafety.api.process;

import com.civilsafety.api.operate.OperateLinks;
import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.engine.model.ProcessModels;
import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.engine.state.InstanceNames;
import com.civilsafety.engine.state.InstanceReference;
import com.civilsafety.ledger.job.ProcessProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The BPMN models the platform deploys, each in its current revision, as XML for the UI's diagrams: a hazard's or
 * campaign's position is shown on the model it runs.
 */
@RestController
class ProcessModelController {
    /** {@code operateUrl}: the process's running instances in Operate; {@code operateElements}: those waiting at each element (null: no Operate) */
    record Monitor(String name, String bpmnProcessId, int revision, List<ProcessProjection.ElementCounts> elements,
                   String operateUrl, Map<String, String> operateElements, InstanceCounts instances) {
    }

    /**
     * The process's instances as the engine counts them since it started (embedded; null against a cluster, whose
     * counts are Operate's): running (of which with an incident open), completed, cancelled.
     */
    record InstanceCounts(long running, long withIncident, long completed, long cancelled) {
    }

    /**
     * One timer armed in a running instance of the model: when it fires and what for. {@code campaignId} and
     * {@code phaseOrdinal} say which campaign (and phase) the date belongs to, so the date is moved there (调整日期),
     * {@code hazardId} which hazard; null where the instance is not about one.
     */
    record ArmedTimer(String elementId, String name, Instant dueAt, long processInstanceKey, int version, String subject,
                      Long campaignId, Integer phaseOrdinal, Long hazardId) {
    }

    /** {@code engineView} false against a cluster: the dates are in Operate. */
    record Timers(boolean engineView, List<ArmedTimer> timers, String operateUrl) {
    }

    private final ProcessModels models;
    private final ProcessProjection projection;
    private final Optional<EngineInstances> engine;
    private final InstanceNames names;
    private final OperateLinks operate;

    ProcessModelController(ProcessModels models, ProcessProjection projection, Optional<EngineInstances> engine,
                           InstanceNames names, OperateLinks operate) {
        this.models = models;
        this.projection = projection;
        this.engine = engine;
        this.names = names;
        this.operate = operate;
    }

    /**
     * A model in its current revision, or in the one asked for ({@code revision=1}: the shipped file) — to open it in
     * the modeler and deploy it again, which is how a revision is rolled back. Its number in the header
     * {@code X-Model-Revision}.
     */
    @GetMapping(value = "/api/process-models/{name}", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> model(@PathVariable String name, @RequestParam(required = false) Integer revision) {
        ProcessModels.Model model = revision == null ? models.current(name) : models.revision(name, revision);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header("X-Model-Revision", Integer.toString(model.revision())).body(model.xml());
    }

    /** 流程监控: per element, how many steps the ledger recorded there and how many people's tasks wait there now. */
    @GetMapping("/api/process-models/{name}/monitor")
    Monitor monitor(@PathVariable String name) {
        ProcessModels.Model model = models.current(name);
        List<ProcessProjection.ElementCounts> counts = projection.of(model.bpmnProcessId(),
                ProcessCommands.taskSubjectOf(model.bpmnProcessId()));
        Map<String, String> atElements = operate.home() == null ? null : new LinkedHashMap<>();
        if (atElements != null) {
            counts.forEach(c -> atElements.put(c.elementId(), operate.running(model.bpmnProcessId(), null, c.elementId())));
        }
        InstanceCounts instances = engine.map(e -> {
            List<EngineInstances.InstanceSummary> of = e.summaries().stream()
                    .filter(i -> i.bpmnProcessId().equals(model.bpmnProcessId())).toList();
            return new InstanceCounts(count(of, EngineInstances.InstanceState.ACTIVE),
                    of.stream().filter(i -> i.state() == EngineInstances.InstanceState.ACTIVE && i.incident()).count(),
                    count(of, EngineInstances.InstanceState.COMPLETED), count(of, EngineInstances.InstanceState.TERMINATED));
        }).orElse(null);
        return new Monitor(name, model.bpmnProcessId(), model.revision(), counts,
                operate.running(model.bpmnProcessId(), null, null), atElements, instances);
    }

    private static long count(List<EngineInstances.InstanceSummary> instances, EngineInstances.InstanceState state) {
        return instances.stream().filter(i -> i.state() == state).count();
    }

    /**
     * The dates on the model's timers (ADR 0002): every timer armed now in a running instance of the model, any
     * revision, earliest first, with what it is about. The dates are the ledger's — a campaign's are moved by 调整日期,
     * a hazard's by an extension — so the modeler shows them and points there rather than editing them into the model.
     */
    @GetMapping("/api/process-models/{name}/timers")
    Timers timers(@PathVariable String name) {
        ProcessModels.Model model = models.current(name);
        if (engine.isEmpty()) {
            return new Timers(false, List.of(), operate.running(model.bpmnProcessId(), null, null));
        }
        Map<Long, EngineInstances.RunningInstance> running = engine.get().instances(engine.get().running().entrySet()
                .stream().filter(e -> e.getValue().equals(model.bpmnProcessId())).map(Map.Entry::getKey)
                .collect(Collectors.toSet()));
        Map<Long, String> about = names.of(running.keySet(), running);
        // each timer named as the revision its instance runs names it
        Map<Integer, Map<String, String>> namesOf = new HashMap<>();
        List<ArmedTimer> timers = new ArrayList<>();
        running.values().forEach(i -> {
            InstanceReference refers = InstanceReference.of(i.variables());
            i.timers().forEach(t -> timers.add(new ArmedTimer(t.elementId(),
                    namesOf.computeIfAbsent(i.version(), v -> engine.get().elementNames(model.bpmnProcessId(), v))
                            .getOrDefault(t.elementId(), "未命名计时"), t.dueAt(), i.processInstanceKey(), i.version(),
                    about.get(i.processInstanceKey()), refers.campaignId(), refers.phaseOrdinal(), refers.hazardId())));
        });
        timers.sort(Comparator.comparing(ArmedTimer::dueAt).thenComparing(ArmedTimer::processInstanceKey));
        return new Timers(true, timers, null);
    }
}
