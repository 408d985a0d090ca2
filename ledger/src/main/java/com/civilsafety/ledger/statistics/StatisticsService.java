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
import com.civilsafety.ledger.region.RegionRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    StatisticsService(EntityManager entityManager, RegionRepository regions) {
        this.entityManager = entityManager;
        this.regions = regions;
    }

    public StatisticsReport figures(StatisticsQuery query, Actor actor) {
        Window window = window(query);
        String path = scopePath(query.regionId(), actor);
        Map<Key, SafetyFigures> cells = cells(window, path, query.institutionType());
        StatisticsQuery.Grouping grouping = query.groupBy() == null ? StatisticsQuery.Grouping.NONE : query.groupBy();
        Map<String, SafetyFigures> grouped = new TreeMap<>();
        for (Map.Entry<Key, SafetyFigures> cell : cells.entrySet()) {
            String group = switch (grouping) {
                case NONE -> "ALL";
                case REGION -> String.valueOf(cell.getKey().regionId());
                case INSTITUTION_TYPE -> cell.getKey().type().name();
            };
            grouped.merge(group, cell.getValue(), SafetyFigures::plus);
        }
        Map<Long, Region> regionsById = grouping == StatisticsQuery.Grouping.REGION
                ? regions.findAllById(cells.keySet().stream().map(Key::regionId).distinct().toList()).stream()
                .collect(Collectors.toMap(Region::getId, Function.identity())) : Map.of();
        List<StatisticsReport.Row> rows = grouped.entrySet().stream().map(e -> new StatisticsReport.Row(e.getKey(),
                switch (grouping) {
                    case NONE -> "合计";
                    case REGION -> regionsById.get(Long.valueOf(e.getKey())).getName();
                    case INSTITUTION_TYPE -> InstitutionType.valueOf(e.getKey()).label();
                }, e.getValue())).sorted(Comparator.comparing(StatisticsReport.Row::label)).toList();
        SafetyFigures total = cells.values().stream().reduce(SafetyFigures.NONE, SafetyFigures::plus);
        return new StatisticsReport(query.from(), query.to(), grouping.name(), rows, total);
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

    /** Start of the first day and start of the day after the last, in China, as instants. */
    private record Window(Instant start, Instant end) {
    }

    /** Every figure per (region, institution type). */
    private Map<Key, SafetyFigures> cells(Window window, String path, InstitutionType type) {
        Map<Key, long[]> cells = new TreeMap<>();
        // hazards found in the window: how, how grave, how far rectified by its end
        TypedQuery<Object[]> found = entityManager.createQuery("""
                select h.region.id, h.institutionType, count(h),
                       sum(case when h.source = :selfCheck then 1 else 0 end),
                       sum(case when h.source = :departmentCheck then 1 else 0 end),
                       sum(case when h.grade = :major then 1 else 0 end),
                       sum(case when h.closedAt is not null and h.closedAt < :end then 1 else 0 end),
                       sum(case when h.listedSupervision = true then 1 else 0 end),
                       sum(case when h.listedSupervision = true and h.closedAt is not null and h.closedAt < :end then 1 else 0 end),
                       sum(case when h.source = :whistleblower then 1 else 0 end)
                from Hazard h
                where h.region.path like :path and h.foundOn >= :from and h.foundOn <= :to
                  and (:type is null or h.institutionType = :type)
                group by h.region.id, h.institutionType""", Object[].class);
        found.setParameter("selfCheck", HazardSource.SELF_CHECK).setParameter("departmentCheck", HazardSource.DEPARTMENT_CHECK)
                .setParameter("major", HazardGrade.MAJOR).setParameter("whistleblower", HazardSource.WHISTLEBLOWER);
        bind(found, window, path, type);
        for (Object[] r : found.getResultList()) {
            long[] c = cell(cells, r);
            for (int i = 0; i < 8; i++) {
                c[2 + i] += number(r[2 + i]);
            }
        }
        // 逾期: on the books at the window's end, past its deadline, not rectified by then (whenever it was found)
        TypedQuery<Object[]> overdue = entityManager.createQuery("""
                select h.region.id, h.institutionType, count(h)
                from Hazard h
                where h.region.path like :path and h.foundOn <= :to and h.rectificationDeadline < :to
                  and (h.closedAt is null or h.closedAt >= :end)
                  and (:type is null or h.institutionType = :type)
                group by h.region.id, h.institutionType""", Object[].class);
        overdue.setParameter("path", path + "%").setParameter("to", windowTo(window)).setParameter("end", window.end())
                .setParameter("type", type);
        for (Object[] r : overdue.getResultList()) {
            cell(cells, r)[10] += number(r[2]);
        }
        // 排查机构数 and inspections: campaign work submitted in the window
        TypedQuery<Object[]> checked = entityManager.createQuery("""
                select w.regionId, i.type, count(distinct w.institutionId),
                       sum(case when w.kind in :inspectionKinds then 1 else 0 end)
                from CampaignWork w join Institution i on i.id = w.institutionId
                where i.region.path like :path and w.status = :submitted and w.kind in :checkKinds
                  and w.submittedAt >= :start and w.submittedAt < :end
                  and (:type is null or i.type = :type)
                group by w.regionId, i.type""", Object[].class);
        checked.setParameter("inspectionKinds", EnumSet.of(TaskKind.INSPECTION, TaskKind.SUPERVISION_VISIT))
                .setParameter("checkKinds", CHECK_KINDS)
                .setParameter("submitted", WorkStatus.SUBMITTED).setParameter("path", path + "%")
                .setParameter("start", window.start()).setParameter("end", window.end()).setParameter("type", type);
        for (Object[] r : checked.getResultList()) {
            long[] c = cell(cells, r);
            c[0] += number(r[2]);
            c[1] += number(r[3]);
        }
        // 帮扶指导次数: help visits made within the window
        TypedQuery<Object[]> helped = entityManager.createQuery("""
                select v.regionId, i.type, count(v)
                from HelpVisit v join Institution i on i.id = v.institutionId
                where i.region.path like :path and v.visitedOn >= :from and v.visitedOn <= :to
                  and (:type is null or i.type = :type)
                group by v.regionId, i.type""", Object[].class);
        helped.setParameter("path", path + "%").setParameter("type", type)
                .setParameter("from", window.start().atZone(LedgerTime.ZONE).toLocalDate()).setParameter("to", windowTo(window));
        for (Object[] r : helped.getResultList()) {
            cell(cells, r)[11] += number(r[2]);
        }
        Map<Key, SafetyFigures> figures = new TreeMap<>();
        cells.forEach((key, c) -> figures.put(key, new SafetyFigures(c[0], c[1], c[2], c[3], c[4], c[2] - c[3] - c[4], c[5],
                c[6], SafetyFigures.rate(c[6], c[2]), c[10], c[7], c[8], c[9], c[11])));
        return figures;
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
        return cells.computeIfAbsent(new Key(((Number) row[0]).longValue(), (InstitutionType) row[1]), k -> new long[12]);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Window window(StatisticsQuery query) {
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
        return new Window(query.from().atStartOfDay(LedgerTime.ZONE).toInstant(),
                query.to().plusDays(1).atStartOfDay(LedgerTime.ZONE).toInstant());
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
