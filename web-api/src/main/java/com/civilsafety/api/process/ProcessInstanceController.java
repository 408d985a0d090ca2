package com.civilsafety.api.process;

import com.civilsafety.api.common.Paging;
import com.civilsafety.api.operate.OperateLinks;
import com.civilsafety.api.oplog.OperationDetail;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.engine.command.IncidentRetries;
import com.civilsafety.engine.command.VariableCorrections;
import com.civilsafety.engine.operation.InstanceCancellations;
import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.engine.state.InstanceReference;
import com.civilsafety.engine.state.InstanceSearch;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.instance.SubjectFacts;
import com.civilsafety.ledger.job.JobIncidents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 流程实例, the supervisor's console (ADR 0005): every instance the engine has run since it started, with what it is
 * about, filtered, counted per state and paged; one instance's diagram, path, waits, timers, called children,
 * variables, incidents and the ledger's timeline of its record; batch retry and cancel; an administrator's variable
 * correction with a reason. On a cluster the instances are in Operate: the answer says so and links there.
 */
@RestController
class ProcessInstanceController {
    static final int MAX_BATCH = InstanceCancellations.MAX_INSTANCES;

    /** what an instance is about, in the ledger's words */
    record Subject(String kind, long id, String code, Long institutionId, String institution, Long regionId,
                   String township, Long campaignId, String campaign, String status, LocalDate deadline, boolean overdue) {
        static Subject of(SubjectFacts.Facts f) {
            return f == null ? null : new Subject(f.kind().name(), f.id(), f.code(), f.institutionId(), f.institutionName(),
                    f.regionId(), f.regionName(), f.campaignId(), f.campaignName(), f.status(), f.deadline(), f.overdue());
        }
    }

    /** {@code status}: RUNNING, INCIDENT, COMPLETED or CANCELLED; {@code revision}: the platform's, when it deployed it */
    record InstanceView(long processInstanceKey, Long parentProcessInstanceKey, String process, String bpmnProcessId,
                        int version, Integer revision, String status, boolean incident, Instant startedAt,
                        Instant endedAt, List<String> steps, String subject, Subject about, String operateUrl) {
    }

    record Option(String value, String label) {
    }

    record Listing(List<InstanceView> items, int page, int size, long total, InstanceSearch.Counts counts,
                   List<Option> processes, List<String> steps) {
    }

    /** {@code value}: as JSON */
    record Variable(String name, String value) {
    }

    record Step(String elementId, String name) {
    }

    record Timer(String elementId, String name, Instant dueAt) {
    }

    /** {@code jobType}: an engine-raised incident's error type */
    record Incident(long id, String step, String jobType, String error, Instant occurredAt, boolean engineRaised) {
    }

    /** one event of the record the instance is about; {@code note}: an operator's reason, if any */
    record Entry(Instant at, String what, String actor, String step, String note) {
    }

    /** {@code diagram}: the BPMN XML of the revision it runs; waits, timers, path and variables: while it runs */
    record Detail(InstanceView instance, String diagram, List<String> path, List<Step> waits, List<Timer> timers,
                  List<InstanceView> children, List<Variable> variables, List<Incident> incidents, List<Entry> timeline) {
    }

    /** {@code value}: the new value (JSON null clears it), {@code reason}: why, kept in the event chain */
    record CorrectionRequest(String name, JsonNode value, String reason) {
    }

    record Selection(List<Long> instances, String reason) {
    }

    private final InstanceSearch search;
    private final Optional<EngineInstances> engine;
    private final VariableCorrections corrections;
    private final IncidentRetries retries;
    private final InstanceCancellations cancellations;
    private final JobIncidents incidents;
    private final EventLog events;
    private final OperateLinks operate;
    private final ObjectMapper json;

    ProcessInstanceController(InstanceSearch search, Optional<EngineInstances> engine, VariableCorrections corrections,
                              IncidentRetries retries, InstanceCancellations cancellations, JobIncidents incidents,
                              EventLog events, OperateLinks operate, ObjectMapper json) {
        this.search = search;
        this.engine = engine;
        this.corrections = corrections;
        this.retries = retries;
        this.cancellations = cancellations;
        this.incidents = incidents;
        this.events = events;
        this.operate = operate;
        this.json = json;
    }

    @GetMapping("/api/process-instances")
    Listing list(@RequestParam(required = false) String process, @RequestParam(required = false) Integer version,
                 @RequestParam(required = false) String status, @RequestParam(required = false) String step,
                 @RequestParam(required = false) Long regionId, @RequestParam(required = false) Long institutionId,
                 @RequestParam(required = false) String code, @RequestParam(required = false) Long campaignId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedFrom,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedTo,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedFrom,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedTo,
                 @RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "started") String sort,
                 @RequestParam(defaultValue = "desc") String order, @AuthenticationPrincipal ActorUser user) {
        onTheEmbeddedEngine();
        Paging.of(page, size);
        InstanceSearch.Filter filter = new InstanceSearch.Filter(process, version, parse(status, InstanceSearch.Status.class,
                "status", "状态只能是 running、incident、completed 或 cancelled"), step, regionId, institutionId, code,
                campaignId, startedFrom, startedTo, endedFrom, endedTo, overdue);
        InstanceSearch.SortBy by = Optional.ofNullable(parse(sort, InstanceSearch.SortBy.class, "sort",
                "排序只能按 started、ended 或 deadline")).orElse(InstanceSearch.SortBy.STARTED);
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new InvalidInputException("order", "顺序只能是 asc 或 desc");
        }
        InstanceSearch.Result result = search.search(filter, user.actor(), page, size, by, order.equals("desc"));
        return new Listing(result.rows().stream().map(this::view).toList(), page, size, result.total(), result.counts(),
                result.processes().entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList(),
                result.steps());
    }

    @GetMapping("/api/process-instances/{key}")
    Detail detail(@PathVariable long key, @AuthenticationPrincipal ActorUser user) {
        if (!search.available()) {
            throw new ConflictException("远程集群上的流程实例请在 Operate 中查看" + operate.pointer(operate.instance(key)));
        }
        InstanceSearch.Row row = search.one(key, user.actor())
                .orElseThrow(() -> new NotFoundException("没有这个流程实例（或不在您的管辖范围内）"));
        EngineInstances instances = engine.orElseThrow();
        Map<String, String> names = instances.elementNames(row.bpmnProcessId(), row.version());
        EngineInstances.RunningInstance running = instances.instances(Set.of(key)).get(key);
        List<InstanceView> children = running == null ? List.of() : instances.family(key, List.of()).stream()
                .filter(c -> Long.valueOf(key).equals(c.parentProcessInstanceKey()))
                .flatMap(c -> search.one(c.processInstanceKey(), user.actor()).stream()).map(this::view).toList();
        return new Detail(view(row), instances.definition(row.bpmnProcessId(), row.version()).orElse(null),
                running == null ? List.of() : running.path(),
                running == null ? List.of() : running.activeElements().stream().map(e -> new Step(e, names.getOrDefault(e, "未命名环节"))).toList(),
                running == null ? List.of() : running.timers().stream()
                        .map(t -> new Timer(t.elementId(), names.getOrDefault(t.elementId(), "未命名计时"), t.dueAt())).toList(),
                children,
                running == null ? List.of() : running.variables().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(v -> new Variable(v.getKey(), v.getValue())).toList(),
                incidents.openOf(key).stream().map(i -> new Incident(i.getId(),
                        i.getElementId() == null ? null : names.getOrDefault(i.getElementId(), "未命名环节"), i.getJobType(), i.getError(),
                        i.getOccurredAt(), i.isEngineRaised())).toList(),
                timeline(row.about(), names));
    }

    /** 批量重试: every open incident of the selected instances (the bureau's administrator and sections). */
    @PostMapping("/api/process-instances/retries")
    List<IncidentRetries.Retried> retry(@RequestBody Selection body, @AuthenticationPrincipal ActorUser user,
                                         HttpServletRequest request) {
        onTheEmbeddedEngine();
        List<Long> keys = selected(body);
        keys.forEach(key -> search.one(key, user.actor()).orElseThrow(
                () -> new NotFoundException("没有这个流程实例（或不在您的管辖范围内）：" + key)));
        List<IncidentRetries.Retried> outcome = retries.retryInstances(keys, user.actor());
        OperationDetail.describe(request, "批量重试流程故障：" + named(outcome.stream().filter(r -> !r.retried().isEmpty())
                .map(IncidentRetries.Retried::processInstanceKey).toList(), user) + "，共重试 "
                + outcome.stream().mapToInt(r -> r.retried().size()).sum() + " 个故障");
        return outcome;
    }

    /** 批量取消, with a reason (the county administrator). */
    @PostMapping("/api/process-instances/cancellations")
    List<InstanceCancellations.Outcome> cancel(@RequestBody Selection body, @AuthenticationPrincipal ActorUser user,
                                                HttpServletRequest request) {
        onTheEmbeddedEngine();
        List<Long> keys = selected(body);
        Map<Long, String> subjects = new java.util.HashMap<>();
        keys.forEach(key -> search.one(key, user.actor()).ifPresent(r -> subjects.put(key, subjectOf(r))));
        List<InstanceCancellations.Outcome> outcome = cancellations.cancel(keys, body.reason(), user.actor());
        List<Long> done = outcome.stream().filter(InstanceCancellations.Outcome::cancelled)
                .map(InstanceCancellations.Outcome::processInstanceKey).toList();
        OperationDetail.describe(request, "取消流程实例：" + (done.isEmpty() ? "无" : done.stream()
                .map(key -> "「" + subjects.getOrDefault(key, "流程实例 " + key) + "」").collect(java.util.stream.Collectors.joining("")))
                + (outcome.size() > done.size() ? "，另有 " + (outcome.size() - done.size()) + " 个未取消" : "")
                + "；原因：" + body.reason().strip());
        return outcome;
    }

    @PostMapping("/api/admin/process-instances/{key}/variables")
    VariableCorrections.Correction correct(@PathVariable long key, @RequestBody CorrectionRequest body,
                                           @AuthenticationPrincipal ActorUser user, HttpServletRequest request) {
        VariableCorrections.Correction done = corrections.correct(key, body.name(), body.value(), body.reason(), user.actor());
        String about = search.available() ? search.one(key, user.actor()).map(ProcessInstanceController::subjectOf)
                .orElse("流程实例 " + key) : "流程实例 " + key;
        OperationDetail.describe(request, "修改流程变量「" + done.name() + "」（" + about + "）：由 " + shown(done.before())
                + " 改为 " + shown(done.after()) + "；原因：" + body.reason().strip());
        return done;
    }

    private static String subjectOf(InstanceSearch.Row r) {
        return r.subject() != null ? r.subject() : r.processName();
    }

    /** the instances, by what they are about, for the 操作日志 (the first ten, then how many more) */
    private String named(List<Long> keys, ActorUser user) {
        if (keys.isEmpty()) {
            return "无";
        }
        String first = keys.stream().limit(10).map(key -> "「" + search.one(key, user.actor()).map(ProcessInstanceController::subjectOf)
                .orElse("流程实例 " + key) + "」").collect(java.util.stream.Collectors.joining(""));
        return keys.size() > 10 ? first + "等 " + keys.size() + " 个" : first;
    }

    /** a variable's value (JSON) as the 操作日志 says it: text without its quotes, （空） for none */
    private String shown(String value) {
        if (value == null) {
            return "（空）";
        }
        try {
            JsonNode node = json.readTree(value);
            return node.isNull() ? "（空）" : node.isTextual() ? node.asText() : node.isBoolean() ? (node.asBoolean() ? "是" : "否") : value;
        } catch (Exception unreadable) {
            return value;
        }
    }

    private InstanceView view(InstanceSearch.Row r) {
        return new InstanceView(r.processInstanceKey(), r.parentProcessInstanceKey(), r.processName(), r.bpmnProcessId(),
                r.version(), r.revision(), r.status().name(), r.incident(), r.startedAt(), r.endedAt(), r.steps(),
                r.subject(), Subject.of(r.facts()), operate.home() == null ? null : operate.instance(r.processInstanceKey()));
    }

    /** the events of the record the instance is about, newest last (the last 200) */
    private List<Entry> timeline(InstanceReference about, Map<String, String> names) {
        var subject = about.subject();
        if (subject == null) {
            return List.of();
        }
        var all = events.of(subject.type(), subject.id());
        return all.subList(Math.max(0, all.size() - 200), all.size()).stream().map(e -> new Entry(e.getOccurredAt(),
                e.getType().label(), e.getActorName(), e.getElementId() == null ? null : names.get(e.getElementId()),
                reason(e.getPayload()))).toList();
    }

    private String reason(String payload) {
        try {
            JsonNode reason = payload == null ? null : json.readTree(payload).get("reason");
            return reason != null && reason.isTextual() ? reason.asText() : null;
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static List<Long> selected(Selection body) {
        if (body == null || body.instances() == null || body.instances().isEmpty()) {
            throw new InvalidInputException("instances", "请选择流程实例");
        }
        if (body.instances().size() > MAX_BATCH) {
            throw new InvalidInputException("instances", "一次最多选择 " + MAX_BATCH + " 个流程实例");
        }
        if (body.instances().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("instances", "流程实例编号不能为空");
        }
        return body.instances().stream().distinct().toList();
    }

    private void onTheEmbeddedEngine() {
        if (!search.available()) {
            throw new ConflictException("流程实例在集群的 Operate 中查看和处理" + operate.pointer(operate.home()));
        }
    }

    private static <E extends Enum<E>> E parse(String value, Class<E> type, String field, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.strip().toUpperCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new InvalidInputException(field, message));
    }
}
