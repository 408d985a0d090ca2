package com.civilsafety.ledger.inbox;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.Json;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.job.ProcessStep;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InboxService {
    private final InboxTaskRepository tasks;
    private final EventLog eventLog;
    private final ApplicationEventPublisher events;
    private final List<TaskRules> rules;
    private final TaskFormCatalogue forms;
    private final Validator validator;
    private final Clock clock;

    public InboxService(InboxTaskRepository tasks, EventLog eventLog, ApplicationEventPublisher events,
                        List<TaskRules> rules, TaskFormCatalogue forms, Validator validator, Clock clock) {
        this.tasks = tasks;
        this.rules = rules;
        this.forms = forms;
        this.validator = validator;
        this.eventLog = eventLog;
        this.events = events;
        this.clock = clock;
    }

    /** Opens a task for a process step; part of the calling worker's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public InboxTask open(InboxTask task, ProcessStep step) {
        InboxTask saved = tasks.save(task);
        events.publishEvent(new TasksOpened(List.of(saved)));
        eventLog.append(EventType.TASK_OPENED, "TASK", saved.getId(), Actor.SYSTEM, step,
                Map.of("kind", task.getKind(), "subjectType", task.getSubjectType(),
                        "subjectId", task.getSubjectId(), "candidateRole", task.getCandidateRole().code()));
        return saved;
    }

    /**
     * Opens many tasks at once for a fan-out (a self-check for every institution of a campaign): one event for the
     * batch, not one per task. Part of the calling worker's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<InboxTask> openAll(List<InboxTask> batch, ProcessStep step, String subjectType, long subjectId) {
        List<InboxTask> saved = tasks.saveAll(batch);
        if (!saved.isEmpty()) {
            events.publishEvent(new TasksOpened(saved));
            eventLog.append(EventType.TASKS_OPENED, subjectType, subjectId, Actor.SYSTEM, step,
                    Map.of("kind", saved.getFirst().getKind(), "count", saved.size(),
                            "firstTaskId", saved.getFirst().getId(), "lastTaskId", saved.getLast().getId()));
        }
        return saved;
    }

    /** Withdraws open tasks whose work is no longer owed (a cancelled campaign); completed ones stay as they are. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelOpen(Collection<Long> taskIds) {
        List<InboxTask> open = tasks.findAllById(taskIds).stream().filter(t -> t.getStatus() == TaskStatus.OPEN).toList();
        open.forEach(t -> t.cancel(clock.instant()));
        return open.size();
    }

    /** 催办: the owners of these tasks, where still open, are reminded with the note. Returns how many were. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int remind(Collection<Long> taskIds, String note) {
        List<InboxTask> open = lockOpen(taskIds);
        open.forEach(t -> t.reminded(clock.instant(), note));
        events.publishEvent(new TasksReminded(open, note));
        return open.size();
    }

    /** 到期提醒 by the platform to the owners of these tasks, where still open; answers how many were. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int remindDue(Collection<Long> taskIds) {
        List<DueTask> open = tasks.findOpenDue(taskIds);
        if (!open.isEmpty()) {
            events.publishEvent(new TasksDueSoon(open, LedgerTime.today(clock)));
        }
        return open.size();
    }

    /**
     * 办理期限将至: the process's reminder before an open task's deadline, to its owner — once per task (a rebuilt
     * instance's passed reminder fires again). Answers whether it was given now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean remindBeforeDue(long taskId, ProcessStep step) {
        Optional<InboxTask> first = openFirstTime(taskId, InboxTask::remindedBeforeDue);
        first.ifPresent(task -> {
            events.publishEvent(new TasksDueSoon(List.of(DueTask.of(task)), LedgerTime.today(clock)));
            eventLog.append(EventType.TASK_DUE_REMINDED, "TASK", taskId, Actor.SYSTEM, step, Map.of("dueAt", task.getDueAt().toString()));
        });
        return first.isPresent();
    }

    /**
     * 办理逾期: an open task's deadline passed; its owner and those who answer for the owner are told — once per task.
     * Answers whether it was escalated now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean escalateOverdue(long taskId, ProcessStep step) {
        Optional<InboxTask> first = openFirstTime(taskId, InboxTask::escalatedOverdue);
        first.ifPresent(task -> {
            List<Role> above = TaskOverdue.above(task.getKind(), task.getCandidateRole());
            events.publishEvent(new TaskOverdue(task, above, step));
            eventLog.append(EventType.TASK_OVERDUE_ESCALATED, "TASK", taskId, Actor.SYSTEM, step, Map.of("dueAt",
                    task.getDueAt().toString(), "notified", above.stream().map(Role::code).collect(Collectors.joining(","))));
        });
        return first.isPresent();
    }

    /** the task, locked, if it is still open and {@code mark} did not happen to it before (it happens now) */
    private Optional<InboxTask> openFirstTime(long taskId, BiPredicate<InboxTask, Instant> mark) {
        return lockOpen(List.of(taskId)).stream().findFirst().filter(task -> mark.test(task, clock.instant()));
    }

    /** Open tasks whose deadline moved (a phase rescheduled); locked in id order, as {@link #remind} does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int moveDue(Collection<Long> taskIds, Instant dueAt) {
        List<InboxTask> open = lockOpen(taskIds);
        open.forEach(t -> t.dueBy(dueAt));
        return open.size();
    }

    /**
     * The tasks still open, each row locked and read as committed, in id order: a submission locks its task first
     * too, so the two cannot deadlock, and a task submitted meanwhile is seen completed.
     */
    private List<InboxTask> lockOpen(Collection<Long> taskIds) {
        return taskIds.stream().sorted().distinct().map(tasks::findForUpdate).flatMap(Optional::stream)
                .filter(t -> t.getStatus() == TaskStatus.OPEN).toList();
    }

    /** The open tasks a process instance opened. */
    @Transactional(readOnly = true)
    public List<InboxTask> openOfInstance(long processInstanceKey) {
        return tasks.findByProcessInstanceKeyAndStatus(processInstanceKey, TaskStatus.OPEN);
    }

    /** Tasks by id, for a read that has already checked the caller's scope on their subject. */
    @Transactional(readOnly = true)
    public Map<Long, InboxTask> byIds(Collection<Long> taskIds) {
        return tasks.findAllById(taskIds).stream().collect(Collectors.toMap(InboxTask::getId, t -> t));
    }

    /** Why the actor may see a task but not do it (another section's, another role's), or null: it is his to do. */
    public static String whyNotFor(InboxTask task, Actor actor) {
        if (task.isFor(actor)) {
            return null;
        }
        return actor.hasRole(task.getCandidateRole()) && !actor.worksIn(task.getCandidateSection())
                ? "该任务由" + task.getCandidateSection() + "办理"
                : "该任务不是您的待办：需要「" + task.getCandidateRole().label() + "」角色且在其辖区内";
    }

    /**
     * Records a person's submission, once it passes the form's constraints, its own rules and its subject's rules. Joins the caller's transaction so that the caller can publish the completion
     * message before the commit: if publishing fails, the task stays open.
     */
    @Transactional
    public InboxTask complete(long taskId, Actor actor, TaskResult sent) {
        InboxTask task = tasks.findForUpdate(taskId).filter(t -> visibleTo(t, actor))
                .orElseThrow(() -> new NotFoundException("任务不存在：" + taskId));
        String notYours = whyNotFor(task, actor);
        if (notYours != null) {
            throw new ForbiddenException(notYours);
        }
        if (task.getStatus() != TaskStatus.OPEN) {
            throw new ConflictException("任务" + task.getStatus().label() + "，不能重复提交");
        }
        if (!forms.formOf(task.getKind()).isInstance(sent)) {
            throw new IllegalArgumentException(sent.getClass().getSimpleName() + " does not complete a " + task.getKind());
        }
        List<TaskRules> subjectRules = rules.stream().filter(r -> r.subjectType().equals(task.getSubjectType())).toList();
        TaskResult signed = sent;
        for (TaskRules rule : subjectRules) {
            signed = rule.signed(task, signed, actor);
        }
        TaskResult result = signed;
        Set<ConstraintViolation<TaskResult>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        LocalDate today = LedgerTime.today(clock);
        result.checkRules(today);
        subjectRules.forEach(r -> r.check(task, result, today));
        task.complete(actor, Json.write(result), clock.instant());
        eventLog.append(EventType.TASK_COMPLETED, "TASK", taskId, actor, null, result);
        events.publishEvent(new TaskCompleted(task, result, actor));
        return task;
    }

    /** The form that completes a task of this kind, as its feature registered it. */
    public Class<? extends TaskResult> formOf(TaskKind kind) {
        return forms.formOf(kind);
    }

    @Transactional(readOnly = true)
    public InboxTask get(long taskId, Actor actor) {
        return tasks.findById(taskId).filter(t -> visibleTo(t, actor))
                .orElseThrow(() -> new NotFoundException("任务不存在：" + taskId));
    }

    /** The open tasks the actor can complete, earliest due first. */
    @Transactional(readOnly = true)
    public List<InboxTask> openTasksFor(Actor actor) {
        if (actor.roles().isEmpty()) {
            return List.of();
        }
        return tasks.findForCandidate(TaskStatus.OPEN, actor.roles(), actor.regionPath(), actor.institutionId(),
                actor.personId(), actor.section());
    }

    /** 已办: the tasks the actor completed, newest first. */
    @Transactional(readOnly = true)
    public Page<InboxTask> doneBy(Actor actor, TaskKind kind, String keyword, Pageable page) {
        if (actor.personId() == null) {
            return Page.empty(page);
        }
        String word = keyword == null || keyword.isBlank() ? null : keyword.strip();
        return tasks.findDone(actor.personId(), kind, word, page);
    }

    /**
     * A completed task of a subject, read under the row lock: a submission whose transaction is still open holds that
     * lock until it commits, so a worker reacting to its message waits for it instead of seeing the task still open.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public InboxTask completedTask(String subjectType, long subjectId, long taskId, TaskKind kind) {
        InboxTask task = tasks.findForUpdate(taskId)
                .filter(t -> t.getSubjectType().equals(subjectType) && t.getSubjectId() == subjectId && t.getKind() == kind)
                .orElseThrow(() -> new IllegalStateException("task " + taskId + " is not a " + kind + " task of "
                        + subjectType + " " + subjectId));
        if (task.getStatus() == TaskStatus.OPEN) {
            throw new TaskNotYetCompletedException(taskId);
        }
        if (task.getStatus() != TaskStatus.COMPLETED) {
            throw new IllegalStateException("task " + taskId + " is " + task.getStatus());
        }
        return task;
    }

    @Transactional(readOnly = true)
    public List<InboxTask> ofSubject(String subjectType, long subjectId) {
        return tasks.findBySubjectTypeAndSubjectIdOrderById(subjectType, subjectId);
    }

    /**
     * A task outside the actor's data scope is reported as missing, not as forbidden. An institution's people see the
     * tasks that are theirs to do — not every task that names the institution: an unannounced inspection (四不两直)
     * names it, and must not be found by trying task numbers. Nor may an expert or a third party, who work for the
     * bureau from outside it: they see the tasks that are theirs and those they did.
     */
    private static boolean visibleTo(InboxTask task, Actor actor) {
        if (!actor.covers(task.getRegion().getPath(), task.getInstitutionId())) {
            return false;
        }
        if (actor.hasRole(Role.EXPERT) || actor.hasRole(Role.THIRD_PARTY)) {
            return actor.roles().contains(task.getCandidateRole())
                    || (actor.personId() != null && (actor.personId().equals(task.getAssigneeId())
                    || actor.personId().equals(task.getCompletedBy())));
        }
        return actor.institutionId() == null || actor.roles().contains(task.getCandidateRole())
                || java.util.Objects.equals(task.getAssigneeId(), actor.personId());
    }
}
