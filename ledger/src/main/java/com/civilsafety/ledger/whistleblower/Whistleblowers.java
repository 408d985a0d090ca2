package com.civilsafety.ledger.whistleblower;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.institution.InstitutionStatus;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 安全吹哨人: anyone reports a hazard at an institution without signing in and gets a tracking code; the code shows
 * that report's status and feedback and nothing else. Who reported is seen only by the bureau that handles reports
 * (县局管理员, 业务股室); the institution itself never sees the reports about it.
 */
@Service
public class Whistleblowers {
    public static final String SUBJECT = "WHISTLEBLOWER";
    /** No 0/O, 1/I/L: a code read out over the phone is not misheard. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 12;
    private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{" + CODE_LENGTH + "}");

    private final WhistleblowerReportRepository reports;
    private final InstitutionRepository institutions;
    private final com.civilsafety.ledger.region.RegionRepository regions;
    private final EventLog eventLog;
    private final com.civilsafety.ledger.attachment.AttachmentStore attachments;
    private final Clock clock;
    private final InboxService inbox;
    private final SecureRandom random = new SecureRandom();

    Whistleblowers(WhistleblowerReportRepository reports, InstitutionRepository institutions,
                   com.civilsafety.ledger.region.RegionRepository regions, EventLog eventLog,
                   com.civilsafety.ledger.attachment.AttachmentStore attachments, Clock clock,
                   InboxService inbox) {
        this.inbox = inbox;
        this.attachments = attachments;
        this.regions = regions;
        this.reports = reports;
        this.institutions = institutions;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    public record Receipt(long reportId, String trackingCode, String status, String statusLabel) {
    }

    /** What the tracking code reveals: this report's status and the feedback for it, nothing more. */
    public record PublicStatus(String trackingCode, String status, String statusLabel, LocalDate submittedOn, String feedback) {
    }

    /**
     * A report as the bureau sees it; {@code reporterName}/{@code reporterContact} only for those who handle reports,
     * and never the reporter's tracking code ({@link WhistleblowerReport#reference()}).
     */
    public record ReportView(long id, String reference, Long institutionId, String institution, boolean registered,
                             String institutionType, String township, String reportedAddress, String description,
                             String location, String reporterKind, String reporterName, String reporterContact,
                             boolean reporterHidden, String status, String statusLabel, Long hazardId,
                             java.time.Instant submittedAt, List<Long> photoIds) {
    }

    public record InstitutionChoice(long id, String name, String township) {
    }

    /** A township the public form offers for an institution that is not in the register. */
    public record TownshipChoice(long id, String name, String county) {
    }

    /**
     * A report about an institution of the register, or about one the reporter could not find there: named, with its
     * township (the report's region: the county section that handles the township's reports triages it) and address.
     */
    @Transactional
    public Receipt submit(WhistleblowerSubmission submission) {
        Institution institution = null;
        Region region;
        if (submission.institutionId() != null) {
            // any institution of the register, suspended or closed too: one working on regardless is what gets reported
            institution = institutions.findById(submission.institutionId())
                    .orElseThrow(() -> new InvalidInputException("institutionId", "机构不存在，请重新选择，或选择“找不到机构”后填写"));
            region = institution.getRegion();
        } else {
            InstitutionNamed.Check.missing(submission).ifPresent(m -> {
                throw new InvalidInputException(m.field(), m.message());
            });
            region = regions.findById(submission.townshipId()).filter(r -> r.getLevel() == RegionLevel.TOWNSHIP)
                    .orElseThrow(() -> new InvalidInputException("townshipId", "没有这个乡镇（街道），请从列表中选择"));
        }
        String code = newCode();
        WhistleblowerReport report = reports.save(new WhistleblowerReport(code, institution == null ? null : institution.getId(),
                region.getId(), submission, clock.instant()));
        // the reporter's identity stays in the report, not in the log
        eventLog.append(EventType.WHISTLEBLOWER_REPORT_RECEIVED, SUBJECT, report.getId(), Actor.SYSTEM, null,
                institution != null ? Map.of("institutionId", institution.getId(), "reporterKind", submission.reporterKind())
                        : Map.of("reportedInstitution", report.getReportedInstitution(), "townshipId", region.getId(),
                        "reporterKind", submission.reporterKind()));
        return new Receipt(report.getId(), code, report.getStatus().name(), report.getStatus().label());
    }

    /** The townships to choose from on the public form when the institution is not in the register, by code. */
    @Transactional(readOnly = true)
    public List<TownshipChoice> townships() {
        Map<Long, String> counties = regions.findByPathStartingWithAndLevelOrderByCode("/", RegionLevel.COUNTY).stream()
                .collect(java.util.stream.Collectors.toMap(Region::getId, Region::getName));
        return regions.findByPathStartingWithAndLevelOrderByCode("/", RegionLevel.TOWNSHIP).stream()
                .map(r -> new TownshipChoice(r.getId(), r.getName(), counties.getOrDefault(r.getParentId(), ""))).toList();
    }

    /** More photos than this per report are refused: evidence, not an album. */
    public static final int MAX_PHOTOS = 5;

    /** A photo sent with a report (by its tracking code) while it is still being handled. */
    @Transactional
    public int addPhoto(String trackingCode, String filename, java.io.InputStream content) {
        WhistleblowerReport report = byCode(trackingCode, reports::lockByTrackingCode);
        if (report.getStatus() != ReportStatus.RECEIVED && report.getStatus() != ReportStatus.VERIFYING) {
            throw new com.civilsafety.ledger.common.ConflictException("举报" + report.getStatus().label() + "，不能再补充照片");
        }
        int count = attachments.of(SUBJECT, report.getId()).size();
        if (count >= MAX_PHOTOS) {
            throw new com.civilsafety.ledger.common.ConflictException("每条举报最多 " + MAX_PHOTOS + " 张照片");
        }
        attachments.storePhoto(SUBJECT, report.getId(), filename, content, Actor.SYSTEM);
        return count + 1;
    }

    /** A report the actor may see (its region; never an institution user), or not found. */
    @Transactional(readOnly = true)
    public WhistleblowerReport visible(long reportId, Actor actor) {
        return reports.findById(reportId)
                .filter(r -> actor.institutionId() == null)
                .filter(r -> regions.findById(r.getRegionId()).filter(g -> g.getPath().startsWith(actor.regionPath())).isPresent())
                .orElseThrow(() -> new NotFoundException("举报不存在：" + reportId));
    }

    /** Records the triage instance the engine started for a report. */
    @Transactional
    public void started(long reportId, long processInstanceKey) {
        reports.recordInstance(reportId, processInstanceKey);
    }

    @Transactional(readOnly = true)
    public PublicStatus status(String trackingCode) {
        WhistleblowerReport report = byCode(trackingCode);
        return new PublicStatus(report.getTrackingCode(), report.getStatus().name(), report.getStatus().label(),
                report.getSubmittedAt().atZone(LedgerTime.ZONE).toLocalDate(), report.getFeedback());
    }

    /**
     * The reports about institutions in the actor's region, newest first, optionally only those received between two
     * China dates (both included) and those about an institution of a type (a report about an institution not in the
     * register has none).
     */
    @Transactional(readOnly = true)
    public List<ReportView> inScope(Actor actor, LocalDate receivedFrom, LocalDate receivedTo, InstitutionType type) {
        if (receivedFrom != null && receivedTo != null && receivedFrom.isAfter(receivedTo)) {
            throw new InvalidInputException("from", "开始日期不能晚于结束日期");
        }
        List<WhistleblowerReport> inScope = reports.findInScope(actor.regionPath(), actor.institutionId());
        Map<Long, Institution> about = institutionsOf(inScope);
        return views(inScope.stream().filter(r -> {
            LocalDate received = r.getSubmittedAt().atZone(LedgerTime.ZONE).toLocalDate();
            return (receivedFrom == null || !received.isBefore(receivedFrom)) && (receivedTo == null || !received.isAfter(receivedTo))
                    && (type == null || r.getInstitutionId() != null && about.get(r.getInstitutionId()).getType() == type);
        }).toList(), about, actor);
    }

    /**
     * The report a hazard was filed from, as the reporter wrote it, beside the verifier's findings on the hazard: for
     * staff who may see the report, never for the institution (its words could point to who reported).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ReportView> ofHazard(long hazardId, Actor actor) {
        if (actor.institutionId() != null) {
            return java.util.Optional.empty();
        }
        return reports.findFirstByHazardId(hazardId)
                .filter(r -> regions.findById(r.getRegionId()).filter(g -> g.getPath().startsWith(actor.regionPath())).isPresent())
                .map(r -> views(List.of(r), institutionsOf(List.of(r)), actor).getFirst());
    }

    /** One report the actor may see (else not found), as the list shows it. */
    @Transactional(readOnly = true)
    public ReportView one(long reportId, Actor actor) {
        List<WhistleblowerReport> report = List.of(visible(reportId, actor));
        return views(report, institutionsOf(report), actor).getFirst();
    }

    private Map<Long, Institution> institutionsOf(List<WhistleblowerReport> found) {
        return institutions.findAllById(found.stream().map(WhistleblowerReport::getInstitutionId).filter(java.util.Objects::nonNull)
                .distinct().toList()).stream().collect(java.util.stream.Collectors.toMap(Institution::getId, i -> i));
    }

    private List<ReportView> views(List<WhistleblowerReport> found, Map<Long, Institution> about, Actor actor) {
        boolean handler = actor.hasRole(Role.BUREAU_SECTION) || actor.hasRole(Role.BUREAU_ADMIN);
        Map<Long, String> townships = regions.findAllById(found.stream().map(WhistleblowerReport::getRegionId).distinct().toList())
                .stream().collect(java.util.stream.Collectors.toMap(Region::getId, Region::getName));
        return found.stream().map(r -> {
            Institution institution = r.getInstitutionId() == null ? null : about.get(r.getInstitutionId());
            return new ReportView(r.getId(), r.reference(), r.getInstitutionId(),
                    institution != null ? institution.getName() : r.getReportedInstitution() + "（未在册）", institution != null,
                    institution != null ? institution.getType().name() : null, townships.getOrDefault(r.getRegionId(), ""),
                    r.getReportedAddress(), r.getDescription(), r.getLocation(), r.getReporterKind().name(),
                    handler ? r.getReporterName() : null, handler ? r.getReporterContact() : null, !handler,
                    r.getStatus().name(), r.getStatus().label(), r.getHazardId(), r.getSubmittedAt(),
                    attachments.of(SUBJECT, r.getId()).stream().map(com.civilsafety.ledger.attachment.Attachment::getId).toList());
        }).toList();
    }

    /**
     * Institutions to choose from on the public form: those operating or suspended (停业整顿) whose name contains the
     * text; a closed one is reached by its own QR code.
     */
    @Transactional(readOnly = true)
    public List<InstitutionChoice> institutions(String name) {
        if (name == null || name.strip().length() < 2) {
            throw new InvalidInputException("name", "请输入机构名称中的至少两个字");
        }
        return institutions.findTop20ByStatusInAndNameContainingOrderByName(
                        java.util.EnumSet.of(InstitutionStatus.OPERATING, InstitutionStatus.SUSPENDED), name.strip()).stream()
                .map(i -> new InstitutionChoice(i.getId(), i.getName(), i.getRegion().unitName())).toList();
    }

    private WhistleblowerReport byCode(String trackingCode) {
        return byCode(trackingCode, reports::findByTrackingCode);
    }

    private static WhistleblowerReport byCode(String trackingCode,
                                              java.util.function.Function<String, java.util.Optional<WhistleblowerReport>> find) {
        // shown in groups (ABCD-EFGH-JKMN): typed back with or without the dashes and spaces
        String code = trackingCode == null ? "" : trackingCode.replaceAll("[\\s\\-－—]", "").toUpperCase();
        return (CODE.matcher(code).matches() ? find.apply(code) : java.util.Optional.<WhistleblowerReport>empty())
                .orElseThrow(() -> new NotFoundException("查询码不存在，请核对后重试"));
    }

    private String newCode() {
        while (true) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < CODE_LENGTH; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (reports.findByTrackingCode(code.toString()).isEmpty()) {
                return code.toString();
            }
        }
    }

    /** An unfinished triage, with the people's tasks it opened. */
    public record TriagePosition(long reportId, long processInstanceKey, List<InboxTask> tasks) {
    }

    /** The triages still running: reports neither dismissed nor closed, whose instance started. */
    @Transactional(readOnly = true)
    public List<TriagePosition> openTriages() {
        return reports.findByProcessInstanceKeyNotNullAndStatusNotInOrderById(List.of(ReportStatus.DISMISSED, ReportStatus.CLOSED)).stream()
                .map(r -> new TriagePosition(r.getId(), r.getProcessInstanceKey(), inbox.ofSubject(SUBJECT, r.getId())))
                .toList();
    }

    /** The triage runs in a rebuilt instance now. */
    @Transactional
    public void rebuiltAs(long reportId, long processInstanceKey) {
        reports.findById(reportId).orElseThrow().rebuiltAs(processInstanceKey);
    }
}
