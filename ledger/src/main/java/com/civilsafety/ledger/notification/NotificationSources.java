package com.civilsafety.ledger.notification;

import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.hazard.HazardDeadlineAlert;
import com.civilsafety.ledger.hazard.HazardDecided;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.inbox.TaskOverdue;
import com.civilsafety.ledger.inbox.TasksDueSoon;
import com.civilsafety.ledger.inbox.TasksOpened;
import com.civilsafety.ledger.inbox.TasksReminded;
import com.civilsafety.ledger.job.IncidentRecorded;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What concerns a person, as the ledger records it, turned into notices — in the same transaction (plain event
 * listeners run inside the publisher's), each under a cause key that names the record it comes from. Templates are
 * here: short Chinese texts with the code, the institution, the deadline; the link is the record's page.
 * {@code civil-safety.notification.enabled=false} writes none (a county that only keeps the record, a benchmark's
 * baseline); the steps are recorded the same.
 */
@Component
@ConditionalOnProperty(name = "civil-safety.notification.enabled", havingValue = "true", matchIfMissing = true)
class NotificationSources {
    /** a day as the texts write it (12月3日); the digest's too */
    static final DateTimeFormatter DAY = LedgerTime.DAY_AS_WRITTEN;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** what an SMS starts with, so that its reader knows who sends it */
    static final String SIGNATURE = "【民政安全】";
    /** the steps of a 重大事故隐患 that cannot wait for the morning */
    private static final Set<TaskKind> URGENT = Set.of(TaskKind.SUPERVISION, TaskKind.EMERGENCY_MEASURES);
    /**
     * the steps whose nearing or passed deadline cannot wait for the morning either: making a place safe, not the
     * paperwork of a 挂牌督办 (office steps fall due at midnight)
     */
    private static final Set<TaskKind> URGENT_WHEN_DUE = Set.of(TaskKind.EMERGENCY_MEASURES);

    private final Notifications notifications;
    private final Clock clock;

    NotificationSources(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** 新待办 (挂牌督办 at once, also in quiet hours): whoever may do each task — its assignee, else its role's people. */
    @EventListener
    void on(TasksOpened event) {
        notifications.notifyAll(event.tasks().stream().map(task -> {
            boolean supervision = task.getKind() == TaskKind.SUPERVISION;
            String label = supervision ? TaskKind.SUPERVISION.label() : "新待办";
            String what = task.getTitle().startsWith(label)
                    ? task.getTitle().substring(label.length()).replaceFirst("^[：:\\s]+", "") : task.getTitle();
            String headline = headline(label, task.getDueAt(), what);
            Message message = new Message(supervision ? NotificationKind.SUPERVISION : NotificationKind.NEW_TASK,
                    headline, SIGNATURE + headline, "/tasks/" + task.getId(), URGENT.contains(task.getKind()));
            return new Notifications.Notice("task-opened:" + task.getId(), whoDoes(task), message);
        }).toList());
    }

    /** 催办 by a person: the same people, once per reminder (the task counts them). */
    @EventListener
    void on(TasksReminded event) {
        String note = event.note() == null || event.note().isBlank() ? "" : "。" + event.note().strip();
        notifications.notifyAll(event.tasks().stream().map(task -> new Notifications.Notice(
                "task-reminded:" + task.getId() + ":" + task.getRemindedCount(), whoDoes(task),
                new Message(NotificationKind.TASK_REMINDER, headline("催办", task.getDueAt(), task.getTitle()),
                        SIGNATURE + headline("催办", task.getDueAt(), task.getTitle()) + note, "/tasks/" + task.getId(), false))).toList());
    }

    /** 到期提醒 by the platform (a phase's reminder dates): the same people, at most once a day per task. */
    @EventListener
    void on(TasksDueSoon event) {
        notifications.notifyAll(event.tasks().stream().map(task -> new Notifications.Notice(
                "task-due:" + task.id() + ":" + event.on(),
                whoDoes(task.assigneeId(), task.candidateRole(), task.regionPath(), task.institutionId(), task.candidateSection()),
                new Message(NotificationKind.DEADLINE_REMINDER, headline("即将到期", task.dueAt(), task.title()),
                        SIGNATURE + headline("即将到期", task.dueAt(), task.title()), "/tasks/" + task.id(),
                        URGENT_WHEN_DUE.contains(task.kind())))).toList());
    }

    /**
     * 办理逾期: the owner (已逾期) and those who answer for the owner (逾期未办), once per task; at once in quiet hours
     * only for 紧急处置. A leader's own step (挂牌督办, 奖励认定) asks the section to remind the leader, not to urge.
     */
    @EventListener
    void on(TaskOverdue overdue) {
        InboxTask task = overdue.task();
        String cause = "task-overdue:" + task.getId();
        String link = "/tasks/" + task.getId();
        boolean urgent = URGENT_WHEN_DUE.contains(task.getKind());
        String late = headline("已逾期", task.getDueAt(), task.getTitle());
        notifications.notify(cause, whoDoes(task), new Message(NotificationKind.OVERDUE, late, SIGNATURE + late, link, urgent));
        String escalated = headline("逾期未办", task.getDueAt(), task.getTitle());
        String ask = task.getCandidateRole() == Role.LEADER ? "，请提醒局领导办理" : "，请督促办理";
        for (Role role : overdue.escalatedTo()) {
            notifications.notify(cause, Recipients.covering(role, task.getRegion().getPath(), task.getInstitutionId()),
                    new Message(NotificationKind.OVERDUE, escalated, SIGNATURE + escalated + ask, link, urgent));
        }
    }

    /** a task's notice: what, and the task's own deadline before the title (an SMS cuts a long title at 70 characters) */
    private String headline(String label, Instant dueAt, String title) {
        return label + "（办理截止" + dueText(dueAt, LedgerTime.today(clock)) + "）：" + title;
    }

    /**
     * a deadline as people read it: the day (12月3日; 2029年11月30日 in another year than today's), and the time when it
     * is not the day's end (12月4日10:15)
     */
    static String dueText(Instant dueAt, LocalDate today) {
        LocalDateTime due = LocalDateTime.ofInstant(dueAt, LedgerTime.ZONE);
        String day = due.getYear() == today.getYear() ? due.format(DAY) : due.getYear() + "年" + due.format(DAY);
        return day + (due.toLocalTime().equals(LedgerTime.LAST_SECOND) ? "" : due.format(TIME));
    }

    /**
     * A rectification deadline: near (the institution), passed (its township and the bureau section), long passed
     * (the leader). Once per hazard, deadline and level: a new deadline (an extension) may alert again.
     */
    @EventListener
    void on(HazardDeadlineAlert alert) {
        String what = "隐患" + alert.code() + "（" + alert.institutionName() + "）";
        String deadline = alert.deadline().format(DAY);
        String link = "/hazards/" + alert.hazardId();
        String cause = "hazard-deadline:" + alert.hazardId() + ":" + alert.deadline() + ":" + alert.level();
        switch (alert.level()) {
            case 0 -> notifications.notify(cause,
                    Recipients.covering(Role.INSTITUTION_MANAGER, alert.regionPath(), alert.institutionId()),
                    new Message(NotificationKind.DEADLINE_REMINDER, "整改期限将至：" + what,
                            SIGNATURE + what + "整改时限" + deadline + "，请按期完成整改并上传佐证。", link, alert.major()));
            case 1 -> {
                Message overdue = new Message(NotificationKind.OVERDUE, "整改逾期：" + what,
                        SIGNATURE + what + "已超过整改时限" + deadline + "，已逾期通报，请督促整改。", link, alert.major());
                notifications.notify(cause, Recipients.covering(Role.TOWNSHIP_OFFICER, alert.regionPath(), alert.institutionId()), overdue);
                notifications.notify(cause, Recipients.covering(Role.BUREAU_SECTION, alert.regionPath(), alert.institutionId()), overdue);
            }
            default -> notifications.notify(cause,
                    Recipients.covering(Role.LEADER, alert.regionPath(), alert.institutionId()),
                    new Message(NotificationKind.ESCALATED, "逾期未改，升级局领导：" + what,
                            SIGNATURE + what + "逾期未改（时限" + deadline + "），已升级，请约谈督办。", link, alert.major()));
        }
    }

    /** 核查未通过, 延期审批结果: the institution's manager, once per decision. */
    @EventListener
    void on(HazardDecided decided) {
        String what = "隐患" + decided.code() + "（" + decided.institutionName() + "）";
        String deadline = decided.deadline() == null ? "" : decided.deadline().format(DAY);
        String opinion = decided.opinion() == null || decided.opinion().isBlank() ? "" : "：" + decided.opinion().strip();
        Message message = decided.kind() == HazardDecided.Kind.VERIFICATION
                ? new Message(NotificationKind.VERIFICATION_FAILED, "核查未通过：" + what,
                        SIGNATURE + what + "核查未通过，请重新整改，截止" + deadline + opinion, "/hazards/" + decided.hazardId(), false)
                : new Message(NotificationKind.EXTENSION_DECIDED, (decided.granted() ? "同意延期：" : "不同意延期：") + what,
                        SIGNATURE + what + (decided.granted() ? "延期申请已同意，整改时限改为" : "延期申请未同意，整改时限仍为")
                                + deadline + opinion, "/hazards/" + decided.hazardId(), false);
        notifications.notify("hazard-decided:" + decided.taskId(),
                Recipients.covering(Role.INSTITUTION_MANAGER, decided.regionPath(), decided.institutionId()), message);
    }

    /** 流程故障: the county administrators, who can retry it once the cause is fixed. */
    @EventListener
    void on(IncidentRecorded incident) {
        String what = incident.engineRaised() ? "流程引擎无法继续执行一个步骤" : "一个自动步骤多次重试仍未成功";
        notifications.notify("incident:" + incident.incidentId() + ":" + incident.occurrence(), Recipients.everyone(Role.BUREAU_ADMIN),
                new Message(NotificationKind.INCIDENT, "流程故障：" + what,
                        SIGNATURE + what + "，请在「流程故障」中查看原因并重试。", "/incidents", false));
    }

    private static Recipients whoDoes(InboxTask task) {
        return whoDoes(task.getAssigneeId(), task.getCandidateRole(), task.getRegion().getPath(), task.getInstitutionId(),
                task.getCandidateSection());
    }

    /** its assignee, else everyone of its role (and section, if it is for one) whose scope covers it: who may do it */
    private static Recipients whoDoes(Long assigneeId, Role role, String regionPath, Long institutionId, String section) {
        return assigneeId != null ? Recipients.person(assigneeId) : Recipients.covering(role, regionPath, institutionId, section);
    }
}
