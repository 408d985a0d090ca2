package com.civilsafety.engine.state;

import com.civilsafety.engine.state.EngineInstances.InstanceState;
import com.civilsafety.engine.state.EngineInstances.InstanceSummary;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.instance.SubjectFacts;
import com.civilsafety.ledger.instance.SubjectFacts.Facts;
import com.civilsafety.ledger.processmodel.ProcessModelRevisions;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The supervisor's instance list (ADR 0005): every process instance the engine has run since it started, joined by
 * what its variables name with the ledger record it is about, filtered, counted per state and paged. The engine's
 * facts come from its incremental projection, the ledger's from a few queries per list, so a list costs what the
 * engine runs now, not its history. Keys are the current engine's own, so the join never meets an instance key an
 * earlier embedded engine used for another instance.
 */
@Component
public class InstanceSearch {
    /** as people choose it: running (incidents included), running with an incident, completed, cancelled */
    public enum Status { RUNNING, INCIDENT, COMPLETED, CANCELLED }

    public enum SortBy { STARTED, ENDED, DEADLINE }

    /** every field optional; {@code step}: a step's name as the diagram shows it; {@code regionId}: a township or any region */
    public record Filter(String bpmnProcessId, Integer version, Status status, String step, Long regionId,
                         Long institutionId, String code, Long campaignId, LocalDate startedFrom, LocalDate startedTo,
                         LocalDate endedFrom, LocalDate endedTo, Boolean overdue) {
        public Filter {
            code = code == null || code.isBlank() ? null : code.strip();
            step = step == null || step.isBlank() ? null : step.strip();
            bpmnProcessId = bpmnProcessId == null || bpmnProcessId.isBlank() ? null : bpmnProcessId.strip();
            if (startedFrom != null && startedTo != null && startedTo.isBefore(startedFrom)) {
                throw new InvalidInputException("startedTo", "开始日期的止日不能早于起日");
            }
            if (endedFrom != null && endedTo != null && endedTo.isBefore(endedFrom)) {
                throw new InvalidInputException("endedTo", "结束日期的止日不能早于起日");
            }
            if (version != null && version < 1) {
                throw new InvalidInputException("version", "版本须是正整数");
            }
        }
    }

    /**
     * One instance: its process (by the name people know), the revision it runs, where it stands, the steps it is at
     * (by name), what it is about and the ledger's facts of it (null when it names no ledger record).
     */
    public record Row(long processInstanceKey, Long parentProcessInstanceKey, String bpmnProcessId, String processName,
                      int version, Integer revision, Status status, boolean incident, Instant startedAt, Instant endedAt,
                      List<String> steps, String subject, InstanceReference about, Facts facts) {
    }

    public record Counts(long running, long incident, long completed, long cancelled) {
    }

    /** {@code processes}, {@code steps}: what the filters can choose among, within the actor's scope */
    public record Result(List<Row> rows, long total, Counts counts, Map<String, String> processes, List<String> steps) {
    }

    private final Optional<EngineInstances> engine;
    private final SubjectFacts facts;
    private final InstanceNames names;
    private final ProcessModelRevisions revisions;
    private final RegionRepository regions;
    private final Clock clock;

    InstanceSearch(Optional<EngineInstances> engine, SubjectFacts facts, InstanceNames names,
                   ProcessModelRevisions revisions, RegionRepository regions, Clock clock) {
        this.engine = engine;
        this.facts = facts;
        this.names = names;
        this.revisions = revisions;
        this.regions = regions;
        this.clock = clock;
    }

    /** whether the instances can be listed here (the embedded engine); on a cluster they are in Operate */
    public boolean available() {
        return engine.isPresent();
    }

    public Result search(Filter filter, Actor actor, int page, int size, SortBy sortBy, boolean descending) {
        EngineInstances instances = engine.orElseThrow(() -> new IllegalStateException("no embedded engine"));
        String regionPath = filter.regionId() == null ? null : regions.findById(filter.regionId()).map(Region::getPath)
                .orElseThrow(() -> new InvalidInputException("regionId", "没有这个乡镇（地区）"));
        Definitions definitions = new Definitions(instances);
        List<InstanceSummary> all = instances.summaries();
        Map<Long, Facts> about = factsOf(all);

        // the actor's scope first, then every filter but the status (the counts are per status), then the status
        List<InstanceSummary> visible = all.stream().filter(i -> visible(about.get(i.processInstanceKey()), actor)).toList();
        Map<String, String> processes = new java.util.TreeMap<>();
        visible.forEach(i -> processes.computeIfAbsent(i.bpmnProcessId(), id -> definitions.processName(id, i.version())));
        List<InstanceSummary> matching = visible.stream()
                .filter(i -> filter.bpmnProcessId() == null || i.bpmnProcessId().equals(filter.bpmnProcessId()))
                .filter(i -> filter.version() == null || i.version() == filter.version())
                .filter(i -> within(day(i.startedAt()), filter.startedFrom(), filter.startedTo()))
                .filter(i -> filter.endedFrom() == null && filter.endedTo() == null
                        || i.endedAt() != null && within(day(i.endedAt()), filter.endedFrom(), filter.endedTo()))
                .filter(ledgerMatches(filter, regionPath, about)).toList();
        TreeSet<String> steps = new TreeSet<>(Comparator.comparing((String s) -> s, java.text.Collator.getInstance(Locale.CHINA)));
        matching.forEach(i -> steps.addAll(definitions.stepNames(i)));
        if (filter.step() != null) {
            matching = matching.stream().filter(i -> definitions.stepNames(i).contains(filter.step())).toList();
        }
        Counts counts = new Counts(matching.stream().filter(i -> is(i, Status.RUNNING)).count(),
                matching.stream().filter(i -> is(i, Status.INCIDENT)).count(),
                matching.stream().filter(i -> is(i, Status.COMPLETED)).count(),
                matching.stream().filter(i -> is(i, Status.CANCELLED)).count());
        List<InstanceSummary> chosen = filter.status() == null ? matching
                : matching.stream().filter(i -> is(i, filter.status())).toList();

        List<InstanceSummary> sorted = new ArrayList<>(chosen);
        sorted.sort(order(sortBy, descending, about));
        int from = (int) Math.min((long) page * size, sorted.size());
        List<InstanceSummary> onPage = sorted.subList(from, Math.min(sorted.size(), from + size));
        List<Row> rows = onPage.stream().map(i -> row(i, about.get(i.processInstanceKey()), definitions)).toList();
        return new Result(rows, chosen.size(), counts, processes, List.copyOf(steps));
    }

    /** One instance the engine has run since it started, as its list row; empty if there is none or it is out of scope. */
    public Optional<Row> one(long processInstanceKey, Actor actor) {
        EngineInstances instances = engine.orElseThrow(() -> new IllegalStateException("no embedded engine"));
        Optional<InstanceSummary> found = instances.summary(processInstanceKey); // one, not a list of all
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Facts of = factsOf(List.of(found.get())).get(processInstanceKey);
        return visible(of, actor) ? Optional.of(row(found.get(), of, new Definitions(instances))) : Optional.empty();
    }

    private Row row(InstanceSummary i, Facts of, Definitions definitions) {
        String subject = of == null || of.kind() == SubjectFacts.Kind.CAMPAIGN ? names.of(i.about())
                : (of.kind() == SubjectFacts.Kind.HAZARD ? "隐患 " : "举报 ")
                + Objects.requireNonNullElse(of.code(), "（未编号）") + "（" + of.institutionName() + "）";
        return new Row(i.processInstanceKey(), i.parentProcessInstanceKey(), i.bpmnProcessId(),
                definitions.processName(i.bpmnProcessId(), i.version()), i.version(),
                revisions.revisionOf(i.bpmnProcessId(), i.version()).orElse(null), status(i), i.incident(),
                i.startedAt(), i.endedAt(), definitions.stepNames(i), subject, i.about(), of);
    }

    /** the ledger record each instance is about, read a few hundred at a time */
    private Map<Long, Facts> factsOf(List<InstanceSummary> instances) {
        LocalDate today = LedgerTime.today(clock);
        Map<Long, Facts> hazards = facts.hazards(instances.stream().map(i -> i.about().hazardId()).filter(Objects::nonNull)
                .collect(Collectors.toSet()), today);
        Map<Long, Facts> reports = facts.whistleblowerReports(instances.stream().map(i -> i.about().reportId())
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, Facts> campaigns = facts.campaigns(instances.stream().map(i -> i.about().campaignId())
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, Facts> about = new HashMap<>();
        for (InstanceSummary i : instances) {
            InstanceReference r = i.about();
            Facts of = r.hazardId() != null ? hazards.get(r.hazardId())
                    : r.reportId() != null ? reports.get(r.reportId())
                    : r.campaignId() != null ? campaigns.get(r.campaignId()) : null;
            if (of != null) {
                about.put(i.processInstanceKey(), of);
            }
        }
        return about;
    }

    /**
     * an instance about no ledger record (a process the platform does not ship) has no region: the bureau's staff
     * (administrator and sections), who keep the processes running, see it; leaders watch the ledger's work
     */
    private static boolean visible(Facts of, Actor actor) {
        return of == null ? actor.hasRole(Role.BUREAU_ADMIN) || actor.hasRole(Role.BUREAU_SECTION) : of.within(actor);
    }

    private static Predicate<InstanceSummary> ledgerMatches(Filter f, String regionPath, Map<Long, Facts> about) {
        return i -> {
            Facts of = about.get(i.processInstanceKey());
            if (f.campaignId() != null && !f.campaignId().equals(i.about().campaignId())
                    && (of == null || !f.campaignId().equals(of.campaignId()))) {
                return false;
            }
            if (regionPath == null && f.institutionId() == null && f.code() == null && f.overdue() == null) {
                return true;
            }
            if (of == null) {
                return false;
            }
            return (regionPath == null || of.regionPaths().stream().anyMatch(p -> p.startsWith(regionPath)))
                    && (f.institutionId() == null || f.institutionId().equals(of.institutionId()))
                    && (f.code() == null || of.code() != null && of.code().toLowerCase(Locale.ROOT).contains(f.code().toLowerCase(Locale.ROOT)))
                    && (f.overdue() == null || of.overdue() == f.overdue());
        };
    }

    private static Comparator<InstanceSummary> order(SortBy sortBy, boolean descending, Map<Long, Facts> about) {
        Comparator<InstanceSummary> by = switch (sortBy) {
            case STARTED -> Comparator.comparing(InstanceSummary::startedAt, direction(descending));
            // those still running have not ended, those about no hazard have no deadline: after the others, either way
            case ENDED -> Comparator.comparing(InstanceSummary::endedAt, Comparator.nullsLast(direction(descending)));
            case DEADLINE -> Comparator.comparing(i -> Optional.ofNullable(about.get(i.processInstanceKey()))
                    .map(Facts::deadline).orElse(null), Comparator.nullsLast(direction(descending)));
        };
        return by.thenComparing(InstanceSummary::processInstanceKey, Comparator.reverseOrder());
    }

    private static <T extends Comparable<? super T>> Comparator<T> direction(boolean descending) {
        return descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
    }

    static Status status(InstanceSummary i) {
        return switch (i.state()) {
            case ACTIVE -> i.incident() ? Status.INCIDENT : Status.RUNNING;
            case COMPLETED -> Status.COMPLETED;
            case TERMINATED -> Status.CANCELLED;
        };
    }

    private static boolean is(InstanceSummary i, Status status) {
        return switch (status) {
            case RUNNING -> i.state() == InstanceState.ACTIVE;
            case INCIDENT -> i.state() == InstanceState.ACTIVE && i.incident();
            case COMPLETED -> i.state() == InstanceState.COMPLETED;
            case CANCELLED -> i.state() == InstanceState.TERMINATED;
        };
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, LedgerTime.ZONE);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** the names of each deployed definition's process and steps, read once per list */
    private static final class Definitions {
        private final EngineInstances engine;
        private final Map<String, Map<String, String>> stepNames = new HashMap<>();
        private final Map<String, String> processNames = new HashMap<>();

        Definitions(EngineInstances engine) {
            this.engine = engine;
        }

        List<String> stepNames(InstanceSummary i) {
            if (i.waits().isEmpty()) {
                return List.of();
            }
            Map<String, String> named = stepNames.computeIfAbsent(i.bpmnProcessId() + "/" + i.version(),
                    k -> engine.elementNames(i.bpmnProcessId(), i.version()));
            return i.waits().stream().map(e -> named.getOrDefault(e, e)).distinct().toList();
        }

        String processName(String bpmnProcessId, int version) {
            return processNames.computeIfAbsent(bpmnProcessId + "/" + version,
                    k -> engine.processName(bpmnProcessId, version).orElse("未命名流程"));
        }
    }
}
