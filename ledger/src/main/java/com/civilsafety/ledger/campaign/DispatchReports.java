package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.Json;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.hazard.HazardGrade;
import com.civilsafety.ledger.hazard.HazardList;
import com.civilsafety.ledger.hazard.HazardListRow;
import com.civilsafety.ledger.hazard.HazardQuery;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import com.civilsafety.ledger.statistics.SafetyFigures;
import com.civilsafety.ledger.statistics.StatisticsQuery;
import com.civilsafety.ledger.statistics.StatisticsReport;
import com.civilsafety.ledger.statistics.StatisticsService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly dispatch reports: the draft a township, a directly-run institution or the county section sees while its task is open (read live from the
 * ledger through {@link StatisticsService} and {@link HazardList}, so the figures are those of every other form), and
 * the frozen copy stored when it is submitted. A county draft takes each reporting unit's figures as it submitted
 * them, and the ledger's for those that have not.
 */
@Service
@Transactional(readOnly = true)
public class DispatchReports {
    private final CampaignPhaseRepository phases;
    private final DispatchReportRepository reports;
    private final RegionRepository regions;
    private final StatisticsService statistics;
    private final HazardList hazardList;
    private final EventLog eventLog;
    private final InstitutionRepository institutions;
    private final CampaignWorkRepository work;
    private final CampaignRepository campaigns;
    private final BureauSections sections;

    DispatchReports(CampaignPhaseRepository phases, DispatchReportRepository reports, RegionRepository regions,
                    StatisticsService statistics, HazardList hazardList, EventLog eventLog, InstitutionRepository institutions,
                    CampaignWorkRepository work, CampaignRepository campaigns, BureauSections sections) {
        this.campaigns = campaigns;
        this.sections = sections;
        this.institutions = institutions;
        this.work = work;
        this.phases = phases;
        this.reports = reports;
        this.regions = regions;
        this.statistics = statistics;
        this.hazardList = hazardList;
        this.eventLog = eventLog;
    }

    /** A submitted report as listed: {@code region} names who reported (a township, an institution, a county). */
    public record Summary(long id, String reportMonth, String level, long regionId, String region, LocalDate periodFrom,
                          LocalDate periodTo, boolean late, Instant submittedAt) {
    }

    static boolean isDispatch(TaskKind kind) {
        return kind == TaskKind.DISPATCH_REPORT || kind == TaskKind.COUNTY_DISPATCH_REPORT
                || kind == TaskKind.FIELD_DISPATCH_REPORT;
    }

    /** The report as it stands in the ledger now, for the person about to confirm it. */
    DispatchReportContent draft(CampaignWork item) {
        String month = DispatchPeriod.ofSlot(item.getSlot()).key();
        LocalDate[] period = MonthlyDispatch.period(phases.findByCampaignIdOrderByOrdinal(item.getCampaignId()), month);
        Region region = regions.findById(item.getRegionId()).orElseThrow();
        // the campaign's forms count the institutions it covers: a funeral campaign's 调度表 is about funeral homes
        Set<InstitutionType> types = campaigns.findById(item.getCampaignId()).orElseThrow().getInstitutionTypes();
        if (item.getInstitutionId() != null) {
            Institution institution = institutions.findById(item.getInstitutionId()).orElseThrow();
            StatisticsReport own = statistics.ofInstitution(institution, period[0], period[1]);
            return new DispatchReportContent(month, DispatchReportContent.DIRECTLY_RUN, institution.getName(), own,
                    own.total(), List.of(), null, null, null, List.of(), majorHazards(region, institution.getId(), types, period),
                    List.of());
        }
        if (item.getKind() == TaskKind.FIELD_DISPATCH_REPORT) {
            return fieldDraft(item, month, period, region, types);
        }
        boolean county = item.getKind() == TaskKind.COUNTY_DISPATCH_REPORT;
        StatisticsReport ledger = statistics.figures(new StatisticsQuery(period[0], period[1], region.getId(), null,
                StatisticsQuery.Grouping.REGION, types), Actor.SYSTEM);
        Map<String, SafetyFigures> ledgerRows = ledger.rows().stream()
                .collect(Collectors.toMap(StatisticsReport.Row::key, StatisticsReport.Row::figures));
        List<Region> townships = county
                ? regions.findByPathStartingWithAndLevelOrderByCode(region.getPath(), RegionLevel.TOWNSHIP) : List.of(region);
        Map<Long, DispatchReportContent> submitted = county ? reports.findByCampaignIdAndReportMonthAndLevel(
                        item.getCampaignId(), month, DispatchReportContent.TOWNSHIP).stream()
                .collect(Collectors.toMap(DispatchReport::getRegionId, r -> Json.read(r.getContent(), DispatchReportContent.class)))
                : Map.of();
        List<StatisticsReport.Row> rows = new ArrayList<>();
        List<String> notSubmitted = new ArrayList<>();
        List<HazardListRow> hazards = new ArrayList<>();
        for (Region township : townships) {
            DispatchReportContent sent = submitted.get(township.getId());
            if (sent != null) {
                rows.add(new StatisticsReport.Row(String.valueOf(township.getId()), township.getName(), sent.table().total()));
                hazards.addAll(sent.hazards());
            } else {
                if (county) {
                    notSubmitted.add(township.getName());
                }
                rows.add(new StatisticsReport.Row(String.valueOf(township.getId()), township.getName(),
                        ledgerRows.getOrDefault(String.valueOf(township.getId()), SafetyFigures.NONE)));
                hazards.addAll(majorHazards(township, null, types, period));
            }
        }
        List<StatisticsReport.Row> fields = List.of();
        if (county) {
            directlyRun(item, month, ledger, townships, types, period, rows, notSubmitted, hazards);
            fields = fields(item, month, period, region, types, notSubmitted);
        }
        SafetyFigures total = rows.stream().map(StatisticsReport.Row::figures).reduce(SafetyFigures.NONE, SafetyFigures::plus);
        return new DispatchReportContent(month, county ? DispatchReportContent.COUNTY : DispatchReportContent.TOWNSHIP,
                region.getName(), new StatisticsReport(period[0], period[1], ledger.overdueOn(),
                        StatisticsQuery.Grouping.REGION.name(), rows, total),
                ledger.total(), List.of(), null, null, null, notSubmitted, hazards, fields);
    }

    /**
     * 本领域: a section's report of the county's units, counting its field's institution types (those of the campaign),
     * from the ledger — the section consolidates what it checked (根据检查情况), whatever the townships sent.
     */
    private DispatchReportContent fieldDraft(CampaignWork item, String month, LocalDate[] period, Region county,
                                             Set<InstitutionType> campaignTypes) {
        String section = MonthlyDispatch.sectionOf(item);
        Set<InstitutionType> types = fieldTypes(section, campaignTypes);
        StatisticsReport ledger = statistics.figures(new StatisticsQuery(period[0], period[1], county.getId(), null,
                StatisticsQuery.Grouping.REGION, types), Actor.SYSTEM);
        // the figures are the ledger's whoever reported; the section is told which units have not (yet) confirmed theirs
        Set<Long> reported = reports.findByCampaignIdAndReportMonthAndLevel(item.getCampaignId(), month,
                DispatchReportContent.TOWNSHIP).stream().map(DispatchReport::getRegionId).collect(Collectors.toSet());
        List<String> notReported = new ArrayList<>(regions.findByPathStartingWithAndLevelOrderByCode(county.getPath(),
                RegionLevel.TOWNSHIP).stream().filter(t -> !reported.contains(t.getId())).map(Region::getName).toList());
        notReported.addAll(directlyRunNotReported(item, month));
        return new DispatchReportContent(month, DispatchReportContent.FIELD, county.getName() + "民政局" + section, ledger,
                ledger.total(), List.of(), null, null, null, notReported, majorHazardsUnder(county, null, types, period), List.of());
    }

    private Set<InstitutionType> fieldTypes(String section, Set<InstitutionType> campaignTypes) {
        Set<InstitutionType> types = EnumSet.noneOf(InstitutionType.class);
        sections.fields().stream().filter(f -> f.name().equals(section)).forEach(f -> types.addAll(f.institutionTypes()));
        types.retainAll(campaignTypes);
        return types;
    }

    /**
     * The sections' 本领域 totals for the county's consolidation: as each section sent them, the ledger's for those
     * that have not (named as not reported).
     */
    private List<StatisticsReport.Row> fields(CampaignWork item, String month, LocalDate[] period, Region county,
                                              Set<InstitutionType> campaignTypes, List<String> notSubmitted) {
        Map<String, DispatchReportContent> sent = reports.findByCampaignIdAndReportMonthAndLevel(item.getCampaignId(), month,
                        DispatchReportContent.FIELD).stream().filter(r -> r.getRegionId().equals(county.getId()))
                .collect(Collectors.toMap(DispatchReport::getSection, r -> Json.read(r.getContent(), DispatchReportContent.class)));
        List<StatisticsReport.Row> rows = new ArrayList<>();
        for (CampaignWork field : work.findByCampaignIdAndSlotOrderById(item.getCampaignId(), MonthlyDispatch.fieldSlot(month))) {
            if (!field.getRegionId().equals(county.getId())) {
                continue;
            }
            String section = MonthlyDispatch.sectionOf(field);
            DispatchReportContent report = sent.get(section);
            SafetyFigures figures;
            if (report != null) {
                figures = report.table().total();
            } else {
                notSubmitted.add(section);
                figures = statistics.figures(new StatisticsQuery(period[0], period[1], county.getId(), null,
                        StatisticsQuery.Grouping.NONE, fieldTypes(section, campaignTypes)), Actor.SYSTEM).total();
            }
            rows.add(new StatisticsReport.Row(field.getOwnerKey(), section, figures));
        }
        return rows;
    }

    /**
     * 直属机构: the institutions the bureau runs itself report to it as townships do, and the county's consolidation has
     * one row for them after the townships: the ledger's figures of all of them, with each one's as it submitted them
     * in place of the ledger's; and their major hazards, likewise.
     */
    private void directlyRun(CampaignWork item, String month, StatisticsReport ledger, List<Region> townships,
                             Set<InstitutionType> types, LocalDate[] period, List<StatisticsReport.Row> rows, List<String> notSubmitted,
                             List<HazardListRow> hazards) {
        Set<String> townshipKeys = townships.stream().map(t -> String.valueOf(t.getId())).collect(Collectors.toSet());
        Map<Long, List<DispatchReport>> sentByUnit = reports.findByCampaignIdAndReportMonthAndLevel(item.getCampaignId(),
                month, DispatchReportContent.DIRECTLY_RUN).stream().collect(Collectors.groupingBy(DispatchReport::getRegionId));
        for (StatisticsReport.Row row : ledger.rows()) {
            if (townshipKeys.contains(row.key())) {
                continue;
            }
            Region unit = regions.findById(Long.parseLong(row.key())).orElseThrow();
            SafetyFigures figures = row.figures();
            List<HazardListRow> unitHazards = new ArrayList<>(majorHazards(unit, null, types, period));
            for (DispatchReport report : sentByUnit.getOrDefault(unit.getId(), List.of())) {
                Institution institution = institutions.findById(report.getInstitutionId()).orElseThrow();
                DispatchReportContent sent = Json.read(report.getContent(), DispatchReportContent.class);
                figures = figures.minus(statistics.ofInstitution(institution, period[0], period[1]).total())
                        .plus(sent.table().total());
                Set<Long> asInLedger = majorHazards(unit, institution.getId(), types, period).stream().map(HazardListRow::id)
                        .collect(Collectors.toSet());
                unitHazards.removeIf(h -> asInLedger.contains(h.id()));
                unitHazards.addAll(sent.hazards());
            }
            rows.add(new StatisticsReport.Row(row.key(), row.label(), figures));
            hazards.addAll(unitHazards);
        }
        notSubmitted.addAll(directlyRunNotReported(item, month));
    }

    /** The directly-run institutions whose report of the period is still open. */
    private List<String> directlyRunNotReported(CampaignWork item, String month) {
        return work.findByCampaignIdAndSlotAndStatusOrderById(item.getCampaignId(), MonthlyDispatch.townshipSlot(month), WorkStatus.OPEN)
                .stream().filter(w -> w.getInstitutionId() != null)
                .map(w -> institutions.findById(w.getInstitutionId()).orElseThrow().getName()).toList();
    }

    /**
     * The major hazards found in the period that a unit's 《清单》 lists, of the campaign's types: a township's, or one
     * institution's; for the county itself, those registered at the county (its directly-run institutions'), not its
     * townships'.
     */
    private List<HazardListRow> majorHazards(Region region, Long institutionId, Set<InstitutionType> types, LocalDate[] period) {
        List<HazardListRow> rows = majorHazardsUnder(region, institutionId, types, period);
        // a county's subtree holds its townships too: its own hazards are those registered at the county itself
        return region.getLevel() == RegionLevel.TOWNSHIP || institutionId != null ? rows
                : rows.stream().filter(h -> h.township().equals(region.getName())).toList();
    }

    /** The major hazards found in the period anywhere in a region's subtree (or at one institution), of the types. */
    private List<HazardListRow> majorHazardsUnder(Region region, Long institutionId, Set<InstitutionType> types,
                                                  LocalDate[] period) {
        return hazardList.rows(hazardList.select(new HazardQuery(region.getId(), institutionId, null,
                HazardGrade.MAJOR, null, null, null, period[0], period[1], null, null, null, null, null, null), Actor.SYSTEM))
                .stream().filter(h -> types.contains(h.institutionType())).toList();
    }

    /** Refuses corrections that would leave the report's figures contradicting each other, before anything is stored. */
    void checkCorrections(CampaignWork item, DispatchConfirmation confirmation) {
        corrected(draft(item).table().total(), confirmation.correctionsOrNone());
    }

    /**
     * The figures with the reporter's corrections. 其他方式发现 is by definition what the other ways leave of 发现隐患数,
     * so it follows them unless corrected itself; figures that contradict each other are refused.
     */
    static SafetyFigures corrected(SafetyFigures ledger, List<DispatchConfirmation.Correction> corrections) {
        SafetyFigures reported = ledger;
        boolean otherwiseGiven = false;
        for (DispatchConfirmation.Correction c : corrections) {
            reported = reported.with(c.field().strip(), c.value());
            otherwiseGiven |= c.field().strip().equals("foundOtherwise");
        }
        if (!corrections.isEmpty() && !otherwiseGiven) {
            long rest = reported.hazardsFound() - reported.foundBySelfCheck() - reported.foundByDepartmentCheck()
                    - reported.foundByExpert();
            reported = reported.with("foundOtherwise", Math.max(rest, 0));
        }
        List<String> problems = reported.contradictions();
        if (!problems.isEmpty()) {
            throw new InvalidInputException("corrections", "更正后的数字相互矛盾：" + String.join("；", problems) + "。请一并更正相关数字");
        }
        return reported;
    }

    /** Stores what was submitted, as it was: the draft of this moment with the reporter's corrections and notes. */
    @Transactional
    void freeze(CampaignWork item, DispatchConfirmation confirmation, Actor actor) {
        DispatchReportContent draft = draft(item);
        SafetyFigures reported = corrected(draft.table().total(), confirmation.correctionsOrNone());
        // a unit's one row is its total as reported; a consolidation's rows stay each unit's
        List<StatisticsReport.Row> rows = draft.level().equals(DispatchReportContent.TOWNSHIP)
                || draft.level().equals(DispatchReportContent.DIRECTLY_RUN)
                ? List.of(new StatisticsReport.Row(draft.table().rows().getFirst().key(), draft.table().rows().getFirst().label(), reported))
                : draft.table().rows();
        DispatchReportContent frozen = new DispatchReportContent(draft.reportMonth(), draft.level(), draft.region(),
                new StatisticsReport(draft.table().from(), draft.table().to(), draft.table().overdueOn(),
                        draft.table().groupBy(), rows, reported),
                draft.ledgerTotal(), confirmation.correctionsOrNone(), confirmation.notes(), confirmation.signedBy().strip(),
                item.getSubmittedAt().atZone(LedgerTime.ZONE).toLocalDate(), draft.unitsNotSubmitted(), draft.hazards(),
                draft.fields());
        DispatchReport report = reports.save(new DispatchReport(item, draft.reportMonth(), draft.level(),
                draft.table().from(), draft.table().to(), Json.write(frozen)));
        eventLog.append(EventType.DISPATCH_REPORT_SUBMITTED, CampaignService.SUBJECT, item.getCampaignId(), actor, null,
                Map.of("dispatchReportId", report.getId(), "month", draft.reportMonth(), "level", draft.level(),
                        "corrections", confirmation.correctionsOrNone().size()));
    }

    /**
     * The submitted reports of a campaign the actor may see: a township its own, a directly-run institution its own,
     * county roles all of their county.
     */
    public List<Summary> ofCampaign(long campaignId, Actor actor) {
        List<DispatchReport> all = reports.findByCampaignIdOrderByReportMonthAscLevelDescRegionIdAsc(campaignId);
        Map<Long, Region> byId = regions.findAllById(all.stream().map(DispatchReport::getRegionId).distinct().toList())
                .stream().collect(Collectors.toMap(Region::getId, Function.identity()));
        Map<Long, String> institutionNames = institutions.findAllById(all.stream().map(DispatchReport::getInstitutionId)
                .filter(Objects::nonNull).distinct().toList()).stream().collect(Collectors.toMap(Institution::getId, Institution::getName));
        return all.stream().filter(r -> actor.covers(byId.get(r.getRegionId()).getPath(), r.getInstitutionId()))
                .map(r -> new Summary(r.getId(), r.getReportMonth(), r.getLevel(), r.getRegionId(),
                        r.getInstitutionId() != null ? institutionNames.get(r.getInstitutionId())
                                : byId.get(r.getRegionId()).getName() + (r.getSection() == null ? "" : r.getSection()),
                        r.getPeriodFrom(), r.getPeriodTo(), r.isLate(), r.getSubmittedAt()))
                .toList();
    }

    /** A submitted report as it was sent. */
    public DispatchReportContent content(long reportId, Actor actor) {
        DispatchReport report = reports.findById(reportId)
                .filter(r -> actor.covers(regions.findById(r.getRegionId()).orElseThrow().getPath(), r.getInstitutionId()))
                .orElseThrow(() -> new NotFoundException("调度报表不存在：" + reportId));
        return Json.read(report.getContent(), DispatchReportContent.class);
    }

    /** The report a dispatch task submitted, or null (still open, or other work). */
    Long submittedOf(CampaignWork item) {
        return isDispatch(item.getKind()) && item.getStatus() == WorkStatus.SUBMITTED
                ? reports.findByWorkId(item.getId()).map(DispatchReport::getId).orElse(null) : null;
    }

    /** The draft of an open dispatch task, or null for other work. */
    DispatchReportContent draftOf(CampaignWork item) {
        return isDispatch(item.getKind()) && item.getStatus() == WorkStatus.OPEN ? draft(item) : null;
    }
}
