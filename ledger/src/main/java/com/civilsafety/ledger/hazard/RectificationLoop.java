package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.Json;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.OpenedTask;
import com.civilsafety.ledger.inbox.TaskOverdue;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.inbox.TaskResult;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.job.ProcessStep;
import com.civilsafety.ledger.people.PeopleService;
import com.civilsafety.ledger.people.PersonRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a hazard's rectification loop (发现 → 定级 → 整改 → 核查 → 销号 → 回头看), each recorded with the
 * process step that took it (job key, process instance, element): the start of a loop claimed and withdrawn, grading,
 * the human steps' tasks opened and their submissions recorded, reminders, escalations, closing and reopening, and
 * where each open loop waits, for an engine that lost its state.
 */
@Service
public class RectificationLoop {
    static final Duration VERIFICATION_TIME = Duration.ofDays(7);
    private static final String SUBJECT = HazardService.SUBJECT;

    private final HazardRepository hazards;
    private final HazardStatusChangeRepository statusChanges;
    private final HazardRectificationRepository rectifications;
    private final HazardVerificationRepository verifications;
    private final HazardEscalationRepository escalations;
    private final HazardExtensionRepository extensions;
    private final PersonRepository people;
    private final InboxService inbox;
    private final HazardHistory history;
    private final EventLog eventLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RectificationLoop(HazardRepository hazards, HazardStatusChangeRepository statusChanges,
                      HazardRectificationRepository rectifications, HazardVerificationRepository verifications,
                      HazardEscalationRepository escalations, HazardExtensionRepository extensions,
                      PersonRepository people, InboxService inbox, HazardHistory history, EventLog eventLog,
                      ApplicationEventPublisher events, Clock clock) {
        this.hazards = hazards;
        this.statusChanges = statusChanges;
        this.rectifications = rectifications;
        this.verifications = verifications;
        this.escalations = escalations;
        this.extensions = extensions;
        this.people = people;
        this.inbox = inbox;
        this.history = history;
        this.eventLog = eventLog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Claims the start of a waiting hazard's loop: true for exactly one caller, so the listener after the commit and
     * the sweep never both start it. A caller whose start then fails gives the claim back. Each in a transaction of
     * its own: the listener runs after the submitting transaction has committed, while that one is still bound.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean claimProcessStart(long hazardId) {
        return hazards.claimProcessStart(hazardId) == 1;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void releaseProcessStart(long hazardId) {
        hazards.releaseProcessStart(hazardId);
    }

    /** Hazards still waiting for their loop some time after they were recorded, oldest first. */
    @Transactional(readOnly = true)
    public List<Hazard> awaitingProcess(Instant recordedBefore) {
        return hazards.findTop100ByProcessStartPendingTrueAndCreatedAtBeforeOrderById(recordedBefore);
    }

    /** What the loop's grading decision reads, for starting the loop of a hazard found in a campaign. */
    @Transactional(readOnly = true)
    public GradingFacts gradingFacts(long hazardId) {
        return hazards.require(hazardId).gradingFacts();
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

    /** 登记定级: records the grading decision's result and links the hazard to its process; answers its dates. */
    @Transactional
    public RectificationDates recordGrading(long hazardId, Grading grading, ProcessStep step) {
        Hazard hazard = hazards.require(hazardId);
        if (hazard.getProcessInstanceKey() != null && hazard.getProcessInstanceKey() != step.processInstanceKey()) {
            // a second loop for the same hazard (a start retried after its acknowledgement was lost): stop it here,
            // as an incident an operator resolves by cancelling this instance, before it records anything
            throw new IllegalStateException("hazard " + hazardId + " is already in the loop of instance "
                    + hazard.getProcessInstanceKey() + ", not " + step.processInstanceKey());
        }
        hazard.grade(step.processInstanceKey(), grading, clock.instant());
        String gradeNote = "定级：" + grading.grade().label() + "，整改时限 " + hazard.getRectificationDeadline();
        if (hazard.isFixedOnSite()) {
            history.moveTo(hazard, HazardStatus.AWAITING_VERIFICATION, Actor.SYSTEM, step, gradeNote + "；已立查立改，待核查");
        } else if (grading.listedSupervision()) {
            history.moveTo(hazard, HazardStatus.UNDER_SUPERVISION, Actor.SYSTEM, step, gradeNote + "；报请挂牌督办");
        } else {
            history.note(hazard, Actor.SYSTEM, step, gradeNote);
        }
        // 定级依据: the facts the ledger gave the decision, the rule that matched and what it decided
        GradingFacts facts = hazard.gradingFacts();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("inputs", new GradingDecision.Inputs(facts.criterionMajor(), facts.residentsExposed(),
                facts.institutionType().name(), facts.category().name()));
        decision.put("rule", grading.rule());
        decision.put("outputs", grading);
        eventLog.append(EventType.HAZARD_GRADED, SUBJECT, hazardId, Actor.SYSTEM, step, decision);
        return hazard.rectificationDates();
    }

    /**
     * Opens the inbox task of a human step: who it is for and when it is due follow from the kind and the hazard.
     * Answers the task with the dates its wait's timers fire at.
     */
    @Transactional
    public OpenedTask openTask(long hazardId, TaskKind kind, ProcessStep step) {
        Hazard hazard = hazards.require(hazardId);
        Instant now = clock.instant();
        Institution institution = hazard.getInstitution();
        Role role = switch (kind) {
            case SUPERVISION -> Role.LEADER;
            case ASSIGNMENT -> hazard.getSupervisionLevel() == SupervisionLevel.COUNTY ? Role.BUREAU_SECTION : Role.TOWNSHIP_OFFICER;
            case EXTENSION -> Role.BUREAU_SECTION;
            case EMERGENCY_MEASURES, RECTIFICATION, EXPLANATION -> Role.INSTITUTION_MANAGER;
            case VERIFICATION -> hazard.getGrade() == HazardGrade.MAJOR ? acceptorOf(hazard) : Role.INSPECTOR;
            case RECHECK -> Role.INSPECTOR;
            default -> throw new IllegalArgumentException(kind + " is not a step of the hazard loop");
        };
        Instant due = switch (kind) {
            case RECTIFICATION -> LedgerTime.endOf(hazard.getRectificationDeadline());
            case EMERGENCY_MEASURES -> now.plus(Duration.ofDays(1));
            case VERIFICATION, RECHECK -> now.plus(VERIFICATION_TIME);
            // an office's deadline is a day, not the minute the step happened to open: the end of the third day
            default -> LedgerTime.endOf(LedgerTime.today(clock).plusDays(3));
        };
        Long forInstitution = role == Role.INSTITUTION_MANAGER ? institution.getId() : null;
        InboxTask task = inbox.open(new InboxTask(kind, SUBJECT, hazardId,
                titleOf(kind, hazard), role, hazard.getRegion(),
                forInstitution, due, step.processInstanceKey(), step.elementId(), step.jobKey(), now), step);
        switch (kind) {
            case ASSIGNMENT -> history.moveTo(hazard, HazardStatus.ASSIGNING, Actor.SYSTEM, step, "派发五落实任务");
            case RECTIFICATION -> history.moveTo(hazard, HazardStatus.RECTIFYING, Actor.SYSTEM, step,
                    "派发整改任务，时限 " + hazard.getRectificationDeadline());
            case EMERGENCY_MEASURES -> history.moveTo(hazard, HazardStatus.EMERGENCY_CONTROL, Actor.SYSTEM, step, "要求机构紧急处置");
            default -> {
            }
        }
        return OpenedTask.of(task);
    }

    /**
     * Who accepts a major hazard (评估验收): a third-party body engaged for the hazard's region; where there is none, an
     * expert; where neither has an account, the inspectors, who then name the body or expert that accepted it.
     */
    private Role acceptorOf(Hazard hazard) {
        for (Role role : List.of(Role.THIRD_PARTY, Role.EXPERT)) {
            if (!people.contactsCovering(role, hazard.getRegion().getPath(), hazard.getInstitution().getId()).isEmpty()) {
                return role;
            }
        }
        return Role.INSPECTOR;
    }

    static final int TITLE_DESCRIPTION_CHARS = 30;

    /** An inbox title says what the hazard is, not only its code: 隐患整改：二楼消防通道堆放杂物（某敬老院 · YH…）. */
    static String titleOf(TaskKind kind, Hazard hazard) {
        String what = hazard.getDescription().strip().replaceAll("\\s+", " ");
        if (what.codePointCount(0, what.length()) > TITLE_DESCRIPTION_CHARS) {
            what = what.substring(0, what.offsetByCodePoints(0, TITLE_DESCRIPTION_CHARS)) + "…";
        }
        return kind.label() + "：" + what + "（" + hazard.getInstitution().getName() + " · " + hazard.getCode() + "）";
    }

    /** Records what a person submitted on a human step, and answers with what the model needs next. */
    @Transactional
    public StepOutcome recordTask(long hazardId, long taskId, TaskKind kind, ProcessStep step) {
        Hazard hazard = hazards.require(hazardId);
        InboxTask task = inbox.completedTask(SUBJECT, hazardId, taskId, kind);
        Actor signer = signer(task);
        Instant now = clock.instant();
        TaskResult result = Json.read(task.getResult(), inbox.formOf(kind));
        StepOutcome answer = switch (result) {
            case SupervisionAcceptance acceptance -> {
                hazard.supervisedBy(signer.personId(), now);
                history.note(hazard, signer, step, "挂牌督办：" + acceptance.requirements());
                yield StepOutcome.NOTHING;
            }
            case EmergencyMeasuresReport report -> {
                history.note(hazard, signer, step, "紧急处置：" + report.measures().stream().map(EmergencyMeasure::label)
                        .collect(Collectors.joining("、")) + (report.description() == null ? "" : "；" + report.description()));
                yield StepOutcome.NOTHING;
            }
            case AssignmentForm form -> {
                hazard.assign(form, now);
                history.note(hazard, signer, step, "落实整改责任：" + form.responsibleUnit() + "，责任人 " + form.responsiblePerson()
                        + "，时限 " + form.deadline());
                yield StepOutcome.dates(hazard.rectificationDates());
            }
            case RectificationReport report -> {
                rectifications.save(new HazardRectification(hazardId, taskId, report, signer.personId(), task.getCompletedAt()));
                history.moveTo(hazard, HazardStatus.AWAITING_VERIFICATION, signer, step, "提交整改：" + report.measures());
                yield StepOutcome.NOTHING;
            }
            case VerificationResult verification -> {
                verifications.save(new HazardVerification(hazardId, taskId, verification, signer.personId(), task.getCompletedAt()));
                if (verification.passed()) {
                    String organisation = verification.acceptanceOrganisation();
                    hazard.accepted(signer.displayName() + (organisation == null || organisation.isBlank() ? ""
                            : "（" + organisation.strip() + "）"), task.getCompletedAt().atZone(LedgerTime.ZONE).toLocalDate(), now);
                    history.moveTo(hazard, HazardStatus.VERIFIED, signer, step,
                            verification.opinion() == null ? "核查通过" : "核查通过：" + verification.opinion());
                } else {
                    hazard.moveDeadline(verification.newDeadline(), now);
                    history.moveTo(hazard, HazardStatus.RECTIFYING, signer, step,
                            "核查未通过：" + verification.opinion() + "；新整改时限 " + verification.newDeadline());
                    events.publishEvent(HazardDecided.of(hazard, taskId, HazardDecided.Kind.VERIFICATION, false, verification.opinion()));
                }
                yield new StepOutcome(hazard.rectificationDates(), verification.passed(), null);
            }
            case ExtensionDecision decision -> {
                HazardExtension extension = extensions.findFirstByHazardIdAndStatusOrderByIdDesc(hazardId, HazardExtension.Status.PENDING)
                        .orElseThrow(() -> new IllegalStateException("hazard " + hazardId + " has no pending extension request"));
                extension.decide(decision, signer.personId(), now);
                if (decision.approved()) {
                    hazard.moveDeadline(extension.getApprovedDeadline(), now);
                    history.note(hazard, signer, step, "同意延期至 " + extension.getApprovedDeadline());
                } else {
                    history.note(hazard, signer, step, "不同意延期：" + decision.opinion());
                }
                events.publishEvent(HazardDecided.of(hazard, taskId, HazardDecided.Kind.EXTENSION, decision.approved(), decision.opinion()));
                yield StepOutcome.dates(hazard.rectificationDates());
            }
            case RecheckResult recheck -> {
                history.note(hazard, signer, step, recheck.rebound() ? "回头看发现反弹：" + recheck.findings() : "回头看未发现反弹");
                yield new StepOutcome(null, null, recheck.rebound());
            }
            default -> throw new IllegalStateException(kind + " is not recorded by the process");
        };
        eventLog.append(EventType.HAZARD_STEP_RECORDED, SUBJECT, hazardId, signer, step, Map.of("kind", kind, "result", result));
        return answer;
    }

    /** 提醒: the deadline is near (the reminder timer fired). */
    @Transactional
    public void remind(long hazardId, ProcessStep step) {
        Hazard hazard = hazards.require(hazardId);
        if (!hazard.remindOnce()) {
            return; // sent already: a rebuilt instance's passed reminder date fires again
        }
        history.note(hazard, Actor.SYSTEM, step, "整改期限将至（" + hazard.getRectificationDeadline() + "），已提醒机构");
        eventLog.append(EventType.HAZARD_REMINDED, SUBJECT, hazardId, Actor.SYSTEM, step,
                Map.of("deadline", hazard.getRectificationDeadline()));
        events.publishEvent(HazardDeadlineAlert.of(hazard, 0));
    }

    /**
     * 逾期督办: level 1 when the deadline has passed (township and bureau section are notified, the institution owes a
     * written explanation), level 2 some days later (the leader: 约谈, 通报). The hazard stays on the books either way.
     */
    @Transactional
    public void escalate(long hazardId, int level, ProcessStep step) {
        Hazard hazard = hazards.require(hazardId);
        if (hazard.getEscalationLevel() >= level) {
            return; // escalated already at this level for the current deadline (a rebuilt instance's timer)
        }
        Instant now = clock.instant();
        hazard.escalate(level, now);
        String notified = level == 1 ? "township-officer,bureau-section" : "leader";
        String action = level == 1 ? "逾期通报乡镇及业务股室，责令机构书面说明" : "约谈机构主要负责人并通报";
        escalations.save(new HazardEscalation(hazardId, level, now, notified, action, step.jobKey()));
        history.note(hazard, Actor.SYSTEM, step, "逾期" + (level == 1 ? "" : "未改，升级至局领导") + "：" + action + "（继续挂账）");
        eventLog.append(EventType.HAZARD_ESCALATED, SUBJECT, hazardId, Actor.SYSTEM, step,
                Map.of("level", level, "notified", notified, "action", action));
        events.publishEvent(HazardDeadlineAlert.of(hazard, level));
        if (level == 1) {
            openTask(hazardId, TaskKind.EXPLANATION, step);
        }
    }

    /** A step of the loop went past its deadline: the hazard's history says so and whom it was escalated to. */
    @EventListener
    void on(TaskOverdue overdue) {
        InboxTask task = overdue.task();
        if (!SUBJECT.equals(task.getSubjectType())) {
            return;
        }
        String to = overdue.escalatedTo().stream().map(Role::label).collect(Collectors.joining("、"));
        history.note(hazards.require(task.getSubjectId()), Actor.SYSTEM, overdue.step(), task.getKind().label() + "逾期未办（办理截止"
                + LocalDate.ofInstant(task.getDueAt(), LedgerTime.ZONE).format(LedgerTime.DAY_AS_WRITTEN) + "），已督办：通知" + to);
    }

    /** Where a hazard's loop waits, as the ledger knows it: for an engine that lost its state to run it again. */
    public record LoopPosition(long hazardId, long processInstanceKey, List<InboxTask> tasks, GradingOnRecord grading) {
    }

    /**
     * The hazards whose rectification loop still runs: not yet closed, or closed and waiting for the 回头看 (no re-check
     * task opened yet). Hazards whose loop has not started are left to the start-up retry ({@code processStartPending}).
     */
    @Transactional(readOnly = true)
    public List<LoopPosition> openLoops() {
        return hazards.findInOpenLoops(HazardStatus.CLOSED, SUBJECT, TaskKind.RECHECK).stream()
                .map(h -> new LoopPosition(h.getId(), h.getProcessInstanceKey(), inbox.ofSubject(SUBJECT, h.getId()), h.gradingOnRecord()))
                .toList();
    }

    /** The hazard's loop runs in a rebuilt instance now. */
    @Transactional
    public void rebuiltAs(long hazardId, long processInstanceKey) {
        hazards.require(hazardId).rebuiltAs(processInstanceKey);
    }

    /** 销号; answers the day of the 回头看. */
    @Transactional
    public LocalDate close(long hazardId, ProcessStep step) {
        Hazard hazard = hazards.require(hazardId);
        history.moveTo(hazard, HazardStatus.CLOSED, Actor.SYSTEM, step, "销号");
        eventLog.append(EventType.HAZARD_CLOSED, SUBJECT, hazardId, Actor.SYSTEM, step, Map.of());
        events.publishEvent(new HazardClosed(hazardId));
        return LedgerTime.today(clock).plusDays(hazard.getRecheckDays());
    }

    /** A 回头看 found the hazard back: it is opened again as a new case linked to the closed one. */
    @Transactional
    public Reopened reopen(long hazardId, ProcessStep step) {
        Hazard closed = hazards.require(hazardId);
        Hazard reopened = hazards.saveAndFlush(new Hazard(closed.getInstitution(), closed.getCriterion(),
                closed.isResidentsExposed(), false, "【回头看反弹】" + closed.getDescription(), closed.getLocation(),
                HazardSource.SUPERVISION, LedgerTime.today(clock), null, clock.instant()));
        reopened.assignCode();
        reopened.reopens(closed);
        history.record(reopened, null, Actor.SYSTEM, step, "回头看发现 " + closed.getCode() + " 反弹，重新立案");
        history.note(closed, Actor.SYSTEM, step, "反弹，重新立案为 " + reopened.getCode());
        eventLog.append(EventType.HAZARD_REPORTED, SUBJECT, reopened.getId(), Actor.SYSTEM, step,
                Map.of("reopenedFrom", closed.getId()));
        return new Reopened(reopened.getId(), reopened.gradingFacts());
    }

    /** The person who signed a completed task, as recorded on it. */
    private Actor signer(InboxTask task) {
        return people.findById(task.getCompletedBy()).map(PeopleService::actorOf)
                .orElseThrow(() -> new IllegalStateException("task " + task.getId() + " was completed by unknown person " + task.getCompletedBy()));
    }
}
