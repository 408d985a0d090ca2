package com.civilsafety.ledger.statistics;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.campaign.WorkStatus;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.criterion.HazardCategory;
import com.civilsafety.ledger.hazard.HazardGrade;
import com.civilsafety.ledger.hazard.HazardSource;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place the figures are computed (docs/statistics.md): per region (the institution's region, a township in a
 * county) and institution type, within the caller's data scope, for a window of China dates. Forms, dashboard and API
 * all read them from here.
 */
@Service
@Transactional(readOnly = true)
public class StatisticsService {
    /** A window longer than this is refused: a dashboard asks for a campaign year or a few, not decades. */
    static final int MAX_WINDOW_DAYS = 3 * 366;

    /** What counts as checking an institution: its self-check, an inspection or a supervision visit. */
    private static final Set<TaskKind> CHECK_KINDS = EnumSet.of(TaskKind.SELF_CHECK, TaskKind.INSPECTION, TaskKind.SUPERVISION_VISIT);

    private final EntityManager entityManager;
    private final RegionRepository regions;
    private final Clock clock;

    StatisticsService(EntityManager entityManager, RegionRepository regions, Clock clock) {
        this.entityManager = entityManager;
        this.regions = regions;
        this.clock = clock;
    }

    public StatisticsReport figures(StatisticsQuery query, Actor actor) {
        Window window = window(query);
        String path = scopePath(query.regionId(), actor);
        Map<Key, SafetyFigures> cells = cells(window, path, typesOf(query), null);
        StatisticsQuery.Grouping grouping = query.groupBy() == null ? StatisticsQuery.Grouping.NONE : query.groupBy();
        List<StatisticsReport.Row> rows = switch (grouping) {
            case NONE -> List.of(new StatisticsReport.Row("ALL", "合计",
                    cells.values().stream().reduce(SafetyFigures.NONE, SafetyFigures::plus)));
            case REGION -> reportingUnits(path, cells);
            case INSTITUTION_TYPE -> {
                Map<InstitutionType, SafetyFigures> byType = new TreeMap<>(); // in the order of the forms
                cells.forEach((key, figures) -> byType.merge(key.type(), figures, SafetyFigures::plus));
                yield byType.entrySet().stream()
                        .map(e -> new StatisticsReport.Row(e.getKey().name(), e.getKey().label(), e.getValue())).toList();
            }
        };
        SafetyFigures total = cells.values().stream().reduce(SafetyFigures.NONE, SafetyFigures::plus);
        return new StatisticsReport(query.from(), query.to(), window.overdueOn(), grouping.name(), rows, total);
    }

    /**
     * One institution's own figures for a window, by the same rules as every other figure: what a directly-run
     * institution (直属机构) reports as its monthly 《调度表》. For the ledger's own use (no caller's scope).
     */
    public StatisticsReport ofInstitution(Institution institution, LocalDate from, LocalDate to) {
        Window window = window(new StatisticsQuery(from, to, null, null, StatisticsQuery.Grouping.NONE));
        SafetyFigures figures = cells(window, institution.getRegion().getPath(), EnumSet.allOf(InstitutionType.class),
                        institution.getId()).values().stream()
                .reduce(SafetyFigures.NONE, SafetyFigures::plus);
        return new StatisticsReport(from, to, window.overdueOn(), StatisticsQuery.Grouping.NONE.name(),
                List.of(new StatisticsReport.Row("I" + institution.getId(), institution.getName(), figures)), figures);
    }

    /**
     * One row per township of the scope, whether or not it has records, in administrative-code order; then, after the
     * townships of its county, one row for the institutions a county (or city) bureau runs directly (直属机构), where
     * the register has any or they have records.
     */
    private List<StatisticsReport.Row> reportingUnits(String path, Map<Key, SafetyFigures> cells) {
        Map<Long, SafetyFigures> byRegion = new HashMap<>();
        cells.forEach((key, figures) -> byRegion.merge(key.regionId(), figures, SafetyFigures::plus));
        Set<Long> ids = new HashSet<>(byRegion.keySet());
        regions.findByPathStartingWithAndLevelOrderByCode(path, RegionLevel.TOWNSHIP).forEach(r -> ids.add(r.getId()));
        ids.addAll(entityManager.createQuery("""
                select distinct i.region.id from Institution i where i.region.path like :path and i.region.level <> :township""",
                Long.class).setParameter("path", path + "%").setParameter("township", RegionLevel.TOWNSHIP).getResultList());
        return regions.findAllById(ids).stream()
                .sorted(Comparator.comparing(r -> r.getLevel() == RegionLevel.TOWNSHIP ? r.getCode() : r.getCode() + "~"))
                .map(r -> new StatisticsReport.Row(String.valueOf(r.getId()), r.unitName(),
                        byRegion.getOrDefault(r.getId(), SafetyFigures.NONE)))
                .toList();
    }

    /** Hazards found per month of the window, and how many of them were rectified by its end. */
    public MonthlyTrend monthly(StatisticsQuery query, Actor actor) {
        Window window = window(query);
        String path = scopePath(query.regionId(), actor);
        TypedQuery<Object[]> q = entityManager.createQuery("""
                select extract(year from h.foundOn), extract(month from h.foundOn), count(h),
                       sum(case when h.grade = :major then 1 else 0 end),
                       sum(case when h.closedAt is not null and h.closedAt < :end then 1 else 0 end)
                from Hazard h
                where h.region.path like :path and h.foundOn >= :from and h.foundOn <= :to
                  and (:type is null or h.institutionType = :type)
                group by extract(year from h.foundOn), extract(month from h.foundOn)""", Object[].class);
        q.setParameter("major", HazardGrade.MAJOR).setParameter("end", window.end()).setParameter("path", path + "%")
                .setParameter("from", query.from()).setParameter("to", query.to()).setParameter("type", query.institutionType());
        Map<YearMonth, Object[]> byMonth = new TreeMap<>();
        for (Object[] r : q.getResultList()) {
            byMonth.put(YearMonth.of(((Number) r[0]).intValue(), ((Number) r[1]).intValue()), r);
        }
        List<MonthlyTrend.Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(query.from()); !m.isAfter(YearMonth.from(query.to())); m = m.plusMonths(1)) {
            Object[] r = byMonth.get(m);
            long found = r == null ? 0 : number(r[2]);
            long rectified = r == null ? 0 : number(r[4]);
            months.add(new MonthlyTrend.Month(m.toString(), found, r == null ? 0 : number(r[3]), rectified,
                    SafetyFigures.rate(rectified, found)));
        }
        return new MonthlyTrend(months);
    }

    /** Hazards found in the window per category, by the definitions of hazardsFound, major and rectified. */
    public CategoryFigures byCategory(StatisticsQuery query, Actor actor) {
        Window window = window(query);
        String path = scopePath(query.regionId(), actor);
        TypedQuery<Object[]> q = entityManager.createQuery("""
                select h.category, count(h),
                       sum(case when h.grade = :major then 1 else 0 end),
                       sum(case when h.closedAt is not null and h.closedAt < :end then 1 else 0 end)
                from Hazard h
                where h.region.path like :path and h.foundOn >= :from and h.foundOn <= :to
                  and (:type is null or h.institutionType = :type)
                group by h.category""", Object[].class);
        q.setParameter("major", HazardGrade.MAJOR);
        bind(q, window, path, query.institutionType());
        Map<HazardCategory, Object[]> rows = new TreeMap<>();
        q.getResultList().forEach(r -> rows.put((HazardCategory) r[0], r));
        List<CategoryFigures.Category> categories = new ArrayList<>();
        for (HazardCategory category : HazardCategory.values()) { // every category, in the order of the forms
            Object[] r = rows.get(category);
            long found = r == null ? 0 : number(r[1]);
            long rectified = r == null ? 0 : number(r[3]);
            categories.add(new CategoryFigures.Category(category.name(), category.label(), found, r == null ? 0 : number(r[2]),
                    rectified, SafetyFigures.rate(rectified, found)));
        }
        return new CategoryFigures(categories);
    }

    /**
     * The institutions {@code institutionsChecked} counts for the query (its window, scope, region and type): those
     * with a self-check, an inspection or a supervision visit submitted within the window; by township and code,
     * optionally only names containing a text.
     */
    public Page<Institution> institutionsChecked(StatisticsQuery query, String name, Actor actor, Pageable pageable) {
        Window window = window(query);
        String path = scopePath(query.regionId(), actor);
        String selection = """
                from Institution i
                where i.region.path like :path and (:type is null or i.type = :type)
                  and (:name is null or i.name like concat('%', :name, '%'))
                  and exists (select w.id from CampaignWork w where w.institutionId = i.id and w.status = :submitted
                              and w.kind in :checkKinds and w.submittedAt >= :start and w.submittedAt < :end)""";
        TypedQuery<Institution> rows = entityManager.createQuery("select i " + selection + " order by i.region.code, i.code", Institution.class);
        TypedQuery<Long> count = entityManager.createQuery("select count(i) " + selection, Long.class);
        String namePart = name == null || name.isBlank() ? null : name.strip();
        for (TypedQuery<?> q : List.of(rows, count)) {
            q.setParameter("path", path + "%").setParameter("type", query.institutionType()).setParameter("name", namePart)
                    .setParameter("submitted", WorkStatus.SUBMITTED).setParameter("checkKinds", CHECK_KINDS)
                    .setParameter("start", window.start()).setParameter("end", window.end());
        }
        rows.setFirstResult((int) pageable.getOffset()).setMaxResults(pageable.getPageSize());
        return new PageImpl<>(rows.getResultList(), pageable, count.getSingleResult());
    }

    private record Key(long regionId, InstitutionType type) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Comparator.comparingLong(Key::regionId).thenComparing(Key::type).compare(this, o);
        }
    }

    /**
     * Start of the first day and start of the day after the last, in China, as instants; and the day 逾期 is judged
     * on — the window's last day, or today if that is earlier (a deadline still ahead is not overdue).
     */
    private record Window(Instant start, Instant end, LocalDate overdueOn) {
    }

    /** Every figure per (region, institution type). */
    private Map<Key, SafetyFigures> cells(Window window, String path, Collection<InstitutionType> types, Long institution) {
        Map<Key, long[]> cells = new TreeMap<>();
        // hazards found in the window: how, how grave, how far rectified by its end
        TypedQuery<Object[]> found = entityManager.createQuery("""
                select h.region.id, h.institutionType, count(h),
                       sum(case when h.source = :selfCheck then 1 else 0 end),
                       sum(case when h.source = :departmentCheck then 1 else 0 end),
                       sum(case when h.source = :expert then 1 else 0 end),
                       sum(case when h.grade = :major then 1 else 0 end),
                       sum(case when h.closedAt is not null and h.closedAt < :end then 1 else 0 end),
                       sum(case when h.listedSupervision = true then 1 else 0 end),
                       sum(case when h.listedSupervision = true and h.closedAt is not null and h.closedAt < :end then 1 else 0 end),
                       sum(case when h.source = :whistleblower then 1 else 0 end)
                from Hazard h
                where h.region.path like :path and h.foundOn >= :from and h.foundOn <= :to
                  and h.institutionType in :types and (:institution is null or h.institution.id = :institution)
                group by h.region.id, h.institutionType""", Object[].class);
        found.setParameter("institution", institution);
        found.setParameter("selfCheck", HazardSource.SELF_CHECK).setParameter("departmentCheck", HazardSource.DEPARTMENT_CHECK)
                .setParameter("expert", HazardSource.EXPERT).setParameter("major", HazardGrade.MAJOR)
                .setParameter("whistleblower", HazardSource.WHISTLEBLOWER);
        found.setParameter("path", path + "%").setParameter("end", window.end()).setParameter("types", types)
                .setParameter("from", window.start().atZone(LedgerTime.ZONE).toLocalDate()).setParameter("to", windowTo(window));
        for (Object[] r : found.getResultList()) {
            long[] c = cell(cells, r);
            c[HAZARDS_FOUND] += number(r[2]);
            c[SELF_CHECK] += number(r[3]);
            c[DEPARTMENT_CHECK] += number(r[4]);
            c[EXPERT] += number(r[5]);
            c[MAJOR] += number(r[6]);
            c[RECTIFIED] += number(r[7]);
            c[LISTED] += number(r[8]);
            c[LISTED_CLOSED] += number(r[9]);
            c[WHISTLEBLOWER] += number(r[10]);
        }
        // 逾期 (HazardStatus.overdueOn) on the window's last day or today: found by then, past its deadline, not closed
        // by the day's end (whenever it was found)
        TypedQuery<Object[]> overdue = entityManager.createQuery("""
                select h.region.id, h.institutionType, count(h)
                from Hazard h
                where h.region.path like :path and h.foundOn <= :day and h.rectificationDeadline < :day
                  and (h.closedAt is null or h.closedAt >= :dayEnd)
                  and h.institutionType in :types and (:institution is null or h.institution.id = :institution)
                group by h.region.id, h.institutionType""", Object[].class);
        overdue.setParameter("path", path + "%").setParameter("day", window.overdueOn())
                .setParameter("dayEnd", LedgerTime.startOfDayAfter(window.overdueOn()))
                .setParameter("types", types).setParameter("institution", institution);
        for (Object[] r : overdue.getResultList()) {
            cell(cells, r)[OVERDUE] += number(r[2]);
        }
        // 排查机构数 and inspections: campaign work submitted in the window
        TypedQuery<Object[]> checked = entityManager.createQuery("""
                select w.regionId, i.type, count(distinct w.institutionId),
                       sum(case when w.kind in :inspectionKinds then 1 else 0 end)
                from CampaignWork w join Institution i on i.id = w.institutionId
                where i.region.path like :path and w.status = :submitted and w.kind in :checkKinds
                  and w.submittedAt >= :start and w.submittedAt < :end
                  and i.type in :types and (:institution is null or i.id = :institution)
                group by w.regionId, i.type""", Object[].class);
        checked.setParameter("inspectionKinds", EnumSet.of(TaskKind.INSPECTION, TaskKind.SUPERVISION_VISIT))
                .setParameter("checkKinds", CHECK_KINDS)
                .setParameter("submitted", WorkStatus.SUBMITTED).setParameter("path", path + "%")
                .setParameter("start", window.start()).setParameter("end", window.end()).setParameter("types", types);
        checked.setParameter("institution", institution);
        for (Object[] r : checked.getResultList()) {
            long[] c = cell(cells, r);
            c[CHECKED] += number(r[2]);
            c[INSPECTIONS] += number(r[3]);
        }
        // 检查组数: the teams (the same inspectors together) that submitted an inspection in the window, once per cell
        TypedQuery<Object[]> teams = entityManager.createQuery("""
                select w.regionId, i.type, count(distinct w.inspectorIds)
                from CampaignWork w join Institution i on i.id = w.institutionId
                where i.region.path like :path and w.status = :submitted and w.kind = :inspection
                  and w.inspectorIds is not null and w.submittedAt >= :start and w.submittedAt < :end
                  and i.type in :types and (:institution is null or i.id = :institution)
                group by w.regionId, i.type""", Object[].class);
        teams.setParameter("inspection", TaskKind.INSPECTION).setParameter("submitted", WorkStatus.SUBMITTED)
                .setParameter("path", path + "%").setParameter("start", window.start()).setParameter("end", window.end())
                .setParameter("types", types);
        teams.setParameter("institution", institution);
        for (Object[] r : teams.getResultList()) {
            cell(cells, r)[GROUPS] += number(r[2]);
        }
        // 举报奖励: rewards the leader granted within the window, and their amount
        TypedQuery<Object[]> rewards = entityManager.createQuery("""
                select r.regionId, i.type, count(r), sum(r.rewardAmount)
                from WhistleblowerReport r join Institution i on i.id = r.institutionId join Region g on g.id = r.regionId
                where g.path like :path and r.rewardAmount is not null
                  and r.rewardDecidedAt >= :start and r.rewardDecidedAt < :end
                  and i.type in :types and (:institution is null or i.id = :institution)
                group by r.regionId, i.type""", Object[].class);
        rewards.setParameter("path", path + "%").setParameter("start", window.start()).setParameter("end", window.end())
                .setParameter("types", types);
        Map<Key, BigDecimal> amounts = new HashMap<>();
        rewards.setParameter("institution", institution);
        for (Object[] r : rewards.getResultList()) {
            cell(cells, r)[REWARDS] += number(r[2]);
            amounts.merge(key(r), (BigDecimal) r[3], BigDecimal::add);
        }
        // 帮扶指导次数: help visits made within the window
        TypedQuery<Object[]> helped = entityManager.createQuery("""
                select v.regionId, i.type, count(v)
                from HelpVisit v join Institution i on i.id = v.institutionId
                where i.region.path like :path and v.visitedOn >= :from and v.visitedOn <= :to
                  and i.type in :types and (:institution is null or i.id = :institution)
                group by v.regionId, i.type""", Object[].class);
        helped.setParameter("path", path + "%").setParameter("types", types)
                .setParameter("from", window.start().atZone(LedgerTime.ZONE).toLocalDate()).setParameter("to", windowTo(window));
        helped.setParameter("institution", institution);
        for (Object[] r : helped.getResultList()) {
            cell(cells, r)[HELP_VISITS] += number(r[2]);
        }
        Map<Key, SafetyFigures> figures = new TreeMap<>();
        cells.forEach((key, c) -> figures.put(key, new SafetyFigures(c[CHECKED], c[INSPECTIONS], c[GROUPS], c[HAZARDS_FOUND],
                c[SELF_CHECK], c[DEPARTMENT_CHECK], c[EXPERT],
                c[HAZARDS_FOUND] - c[SELF_CHECK] - c[DEPARTMENT_CHECK] - c[EXPERT], c[MAJOR], c[RECTIFIED],
                SafetyFigures.rate(c[RECTIFIED], c[HAZARDS_FOUND]), c[OVERDUE], c[LISTED], c[LISTED_CLOSED],
                c[WHISTLEBLOWER], c[REWARDS], amounts.get(key), c[HELP_VISITS])));
        return figures;
    }

    // the counts of a cell while they are added up
    private static final int CHECKED = 0, INSPECTIONS = 1, GROUPS = 2, HAZARDS_FOUND = 3, SELF_CHECK = 4,
            DEPARTMENT_CHECK = 5, EXPERT = 6, MAJOR = 7, RECTIFIED = 8, OVERDUE = 9, LISTED = 10, LISTED_CLOSED = 11,
            WHISTLEBLOWER = 12, REWARDS = 13, HELP_VISITS = 14, COUNTS = 15;

    /** The query's types: a campaign's ({@link StatisticsQuery#types}), else its one type, else every type. */
    private static Collection<InstitutionType> typesOf(StatisticsQuery query) {
        if (query.types() != null) {
            return query.types();
        }
        return query.institutionType() == null ? EnumSet.allOf(InstitutionType.class) : EnumSet.of(query.institutionType());
    }

    private static LocalDate windowTo(Window window) {
        return window.end().atZone(LedgerTime.ZONE).toLocalDate().minusDays(1);
    }

    private static void bind(TypedQuery<Object[]> q, Window window, String path, InstitutionType type) {
        q.setParameter("path", path + "%").setParameter("end", window.end()).setParameter("type", type)
                .setParameter("from", window.start().atZone(LedgerTime.ZONE).toLocalDate())
                .setParameter("to", windowTo(window));
    }

    private static long[] cell(Map<Key, long[]> cells, Object[] row) {
        return cells.computeIfAbsent(key(row), k -> new long[COUNTS]);
    }

    private static Key key(Object[] row) {
        return new Key(((Number) row[0]).longValue(), (InstitutionType) row[1]);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private Window window(StatisticsQuery query) {
        if (query.from() == null) {
            throw new InvalidInputException("from", "必须填写开始日期");
        }
        if (query.to() == null) {
            throw new InvalidInputException("to", "必须填写结束日期");
        }
        if (query.to().isBefore(query.from())) {
            throw new InvalidInputException("to", "结束日期早于开始日期");
        }
        if (query.from().plusDays(MAX_WINDOW_DAYS).isBefore(query.to())) {
            throw new InvalidInputException("to", "统计区间不能超过三年");
        }
        LocalDate today = LedgerTime.today(clock);
        return new Window(query.from().atStartOfDay(LedgerTime.ZONE).toInstant(),
                LedgerTime.startOfDayAfter(query.to()), query.to().isAfter(today) ? today : query.to());
    }

    /** The region to count within: the one asked for if the caller may see it, else the caller's own. */
    private String scopePath(Long regionId, Actor actor) {
        if (actor.institutionId() != null) {
            throw new ForbiddenException("机构用户不能查看区域统计");
        }
        if (regionId == null) {
            return actor.regionPath();
        }
        Region region = regions.findById(regionId).filter(r -> r.getPath().startsWith(actor.regionPath()))
                .orElseThrow(() -> new InvalidInputException("regionId", "区划不存在或不在您的辖区内：" + regionId));
        return region.getPath();
    }
}
