package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.Json;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.criterion.HazardCriterion;
import com.civilsafety.ledger.criterion.HazardCriterionRepository;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.job.ProcessStep;
import com.civilsafety.ledger.people.PeopleService;
import com.civilsafety.ledger.people.PersonRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hazard rectification record: every step of the loop is recorded here, by the API (a report) or by a worker
 * (each process step, with its job key, process instance and element).
 */
@Service
public class HazardService {
    public static final String SUBJECT = "HAZARD";
    static final Duration VERIFICATION_TIME = Duration.ofDays(7);
    private static final Set<Role> REPORTERS = EnumSet.of(Role.INSPECTOR, Role.TOWNSHIP_OFFICER,
            Role.INSTITUTION_MANAGER, Role.BUREAU_SECTION, Role.BUREAU_ADMIN, Role.LEADER);

    private final HazardRepository hazards;
    private final HazardStatusChangeRepository statusChanges;
    private final HazardRectificationRepository rectifications;
    private final HazardVerificationRepository verifications;
    private final InstitutionRepository institutions;
    private final HazardCriterionRepository criteria;
    private final PersonRepository people;
    private final InboxService inbox;
    private final EventLog eventLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HazardService(HazardRepository hazards, HazardStatusChangeRepository statusChanges,
                  HazardRectificationRepository rectifications, HazardVerificationRepository verifications,
                  InstitutionRepository institutions, HazardCriterionRepository criteria, PersonRepository people, InboxService inbox, EventLog eventLog,
                  ApplicationEventPublisher events, Clock clock) {
        this.hazards = hazards;
        this.statusChanges = statusChanges;
        this.rectifications = rectifications;
        this.verifications = verifications;
        this.institutions = institutions;
        this.criteria = criteria;
        this.people = people;
        this.inbox = inbox;
        this.eventLog = eventLog;
        this.events = events;
        this.clock = clock;
    }

    /** Records a hazard someone found. The rectification process is started by the caller once this has committed. */
    @Transactional
    public Hazard report(HazardReport report, Actor actor) {
        if (REPORTERS.stream().noneMatch(actor::hasRole)) {
            throw new ForbiddenException("您的角色不能上报隐患");
        }
        Institution institution = institutions.findById(report.institutionId())
                .filter(i -> actor.covers(i.getRegion().getPath(), i.getId()))
                .orElseThrow(() -> new InvalidInputException("institutionId", "机构不存在或不在您的辖区内：" + report.institutionId()));
        HazardCriterion criterion = criteria.findByCode(report.criterionCode().strip())
                .filter(c -> c.appliesTo(institution.getType()))
                .orElseThrow(() -> new InvalidInputException("criterionCode", "判定依据不存在或不适用于"
                        + institution.getType().label() + "：" + report.criterionCode()));
        if (report.foundOn().isAfter(LedgerTime.today(clock))) {
            throw new InvalidInputException("foundOn", "发现日期不能晚于今天");
        }
        Instant now = clock.instant();
        Hazard hazard = hazards.saveAndFlush(new Hazard(institution, criterion, Boolean.TRUE.equals(report.residentsExposed()),
                report.description().strip(), report.location(), report.source(), report.foundOn(), actor.personId(), now));
        hazard.assignCode();
        recordStatus(hazard, null, actor, null, "上报隐患");
        eventLog.append(EventType.HAZARD_REPORTED, SUBJECT, hazard.getId(), actor, null, report);
        return hazard;
    }

    /**
     * Undoes a report whose process could not be started, so that no hazard is left on the books without one. The
     * event log is append-only: it keeps the report and records the withdrawal.
     */
    @Transactional
    public void withdrawUnstarted(long hazardId, String reason) {
        hazards.findById(hazardId).filter(h -> h.getProcessInstanceKey() == null).ifPresent(h -> {
            statusChanges.deleteAll(statusChanges.findByHazardIdOrderById(hazardId));
            hazards.delete(h);
            eventLog.append(EventType.HAZARD_WITHDRAWN, SUBJECT, hazardId, Actor.SYSTEM, null, Map.of("reason", reason));
        });
    }

    /** 登记定级: records the HazardGrading decision's result and links the hazard to its process. */
    @Transactional
    public Map<String, Object> recordGrading(long hazardId, Grading grading, ProcessStep step) {
        Hazard hazard = require(hazardId);
        hazard.grade(step.processInstanceKey(), grading, clock.instant());
        eventLog.append(EventType.HAZARD_GRADED, SUBJECT, hazardId, Actor.SYSTEM, step, grading);
        return Map.of("rectificationDeadline", hazard.getRectificationDeadline().toString(),
                "reminderOn", hazard.getReminderOn().toString());
    }

    /** Opens the institution's rectification task, due at the end of the deadline day. */
    @Transactional
    public Map<String, Object> openRectificationTask(long hazardId, ProcessStep step) {
        Hazard hazard = require(hazardId);
        Institution institution = hazard.getInstitution();
        InboxTask task = inbox.open(new InboxTask(TaskKind.RECTIFICATION, SUBJECT, hazardId,
                "整改隐患 " + hazard.getCode() + "（" + institution.getName() + "）", Role.INSTITUTION_MANAGER,
                hazard.getRegion(), institution.getId(), LedgerTime.endOf(hazard.getRectificationDeadline()),
                step.processInstanceKey(), step.elementId(), step.jobKey(), clock.instant()), step);
        moveTo(hazard, HazardStatus.RECTIFYING, Actor.SYSTEM, step, "派发整改任务，时限 " + hazard.getRectificationDeadline());
        return Map.of("taskId", task.getId());
    }

    /** Records what the institution submitted on its rectification task. */
    @Transactional
    public Map<String, Object> recordRectification(long hazardId, long taskId, ProcessStep step) {
        Hazard hazard = require(hazardId);
        InboxTask task = inbox.completedTask(SUBJECT, hazardId, taskId, TaskKind.RECTIFICATION);
        RectificationReport report = Json.read(task.getResult(), RectificationReport.class);
        rectifications.save(new HazardRectification(hazardId, taskId, report, task.getCompletedBy(), task.getCompletedAt()));
        Actor signer = signer(task);
        moveTo(hazard, HazardStatus.AWAITING_VERIFICATION, signer, step, "提交整改：" + report.measures());
        eventLog.append(EventType.HAZARD_RECTIFICATION_RECORDED, SUBJECT, hazardId, signer, step, report);
        return Map.of();
    }

    /** Opens the on-site verification task for the inspectors of the hazard's township. */
    @Transactional
    public Map<String, Object> openVerificationTask(long hazardId, ProcessStep step) {
        Hazard hazard = require(hazardId);
        Instant now = clock.instant();
        InboxTask task = inbox.open(new InboxTask(TaskKind.VERIFICATION, SUBJECT, hazardId,
                "核查隐患整改 " + hazard.getCode() + "（" + hazard.getInstitution().getName() + "）", Role.INSPECTOR,
                hazard.getRegion(), null, now.plus(VERIFICATION_TIME), step.processInstanceKey(), step.elementId(),
                step.jobKey(), now), step);
        return Map.of("taskId", task.getId());
    }

    /** Records the verification; a failed one sends the hazard back to rectification with a new deadline. */
    @Transactional
    public Map<String, Object> recordVerification(long hazardId, long taskId, ProcessStep step) {
        Hazard hazard = require(hazardId);
        InboxTask task = inbox.completedTask(SUBJECT, hazardId, taskId, TaskKind.VERIFICATION);
        VerificationResult result = Json.read(task.getResult(), VerificationResult.class);
        verifications.save(new HazardVerification(hazardId, taskId, result, task.getCompletedBy(), task.getCompletedAt()));
        Actor signer = signer(task);
        if (result.passed()) {
            moveTo(hazard, HazardStatus.VERIFIED, signer, step, result.opinion() == null ? "核查通过" : "核查通过：" + result.opinion());
        } else {
            hazard.moveDeadline(result.newDeadline(), clock.instant());
            moveTo(hazard, HazardStatus.RECTIFYING, signer, step,
                    "核查未通过：" + result.opinion() + "；新整改时限 " + result.newDeadline());
        }
        eventLog.append(EventType.HAZARD_VERIFICATION_RECORDED, SUBJECT, hazardId, signer, step, result);
        return Map.of("verificationPassed", result.passed());
    }

    /** 销号. */
    @Transactional
    public Map<String, Object> close(long hazardId, ProcessStep step) {
        Hazard hazard = require(hazardId);
        moveTo(hazard, HazardStatus.CLOSED, Actor.SYSTEM, step, "销号");
        eventLog.append(EventType.HAZARD_CLOSED, SUBJECT, hazardId, Actor.SYSTEM, step, Map.of());
        events.publishEvent(new HazardClosed(hazardId));
        return Map.of();
    }

    @Transactional(readOnly = true)
    public HazardView view(long hazardId, Actor actor) {
        Hazard hazard = hazards.findById(hazardId)
                .filter(h -> actor.covers(h.getRegion().getPath(), h.getInstitution().getId()))
                .orElseThrow(() -> new NotFoundException("隐患不存在：" + hazardId));
        return new HazardView(hazard, statusChanges.findByHazardIdOrderById(hazardId),
                rectifications.findByHazardIdOrderById(hazardId), verifications.findByHazardIdOrderById(hazardId),
                inbox.ofSubject(SUBJECT, hazardId));
    }

    private Hazard require(long hazardId) {
        return hazards.findById(hazardId).orElseThrow(() -> new NotFoundException("隐患不存在：" + hazardId));
    }

    /** The person who signed a completed task, as recorded on it. */
    private Actor signer(InboxTask task) {
        return people.findById(task.getCompletedBy()).map(PeopleService::actorOf)
                .orElseThrow(() -> new IllegalStateException("task " + task.getId() + " was completed by unknown person " + task.getCompletedBy()));
    }

    private void moveTo(Hazard hazard, HazardStatus next, Actor actor, ProcessStep step, String note) {
        HazardStatus previous = hazard.moveTo(next, clock.instant());
        recordStatus(hazard, previous, actor, step, note);
    }

    private void recordStatus(Hazard hazard, HazardStatus previous, Actor actor, ProcessStep step, String note) {
        statusChanges.save(new HazardStatusChange(hazard.getId(), previous, hazard.getStatus(), clock.instant(),
                actor.personId(), actor.displayName(), note, step == null ? null : step.jobKey()));
    }
}
