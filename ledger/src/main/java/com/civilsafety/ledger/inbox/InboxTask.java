package com.civilsafety.ledger.inbox;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.ShortText;
import com.civilsafety.ledger.region.Region;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A human step: who may do it (a role within a region, optionally one institution), by when, and what they submitted.
 * The process waits on a message whose correlation key is this task's id.
 */
@Entity
public class InboxTask {
    /** Files uploaded while a task is being filled in (a self-check item's photos) belong to the task until submitted. */
    public static final String ATTACHMENT_SUBJECT = "TASK";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private TaskKind kind;
    private String subjectType;
    private Long subjectId;
    private String title;
    @Enumerated(EnumType.STRING)
    private Role candidateRole;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "region_id")
    private Region region;
    private Long institutionId;
    /** One named person (an inspector drawn for an inspection); null when anyone with the role in the region may. */
    private Long assigneeId;
    /** the bureau section (股室) the task is for — a field's consolidation — or null: anyone of its role and region */
    private String candidateSection;
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private TaskStatus status;
    private Long processInstanceKey;
    private String elementId;
    private Long jobKey;
    private Instant createdAt;
    private Instant completedAt;
    private Long completedBy;
    /** The submitted form, as JSON. */
    private String result;
    /** 催办: how often the owner was reminded, when last, and the words of the last reminder. */
    private int remindedCount;
    private Instant lastRemindedAt;
    private String reminderNote;
    private Instant dueRemindedAt;
    private Instant overdueEscalatedAt;
    @Version
    private long version;

    static final int MAX_TITLE = 255;

    protected InboxTask() {
    }

    public InboxTask(TaskKind kind, String subjectType, Long subjectId, String title, Role candidateRole,
                     Region region, Long institutionId, Instant dueAt, Long processInstanceKey, String elementId,
                     Long jobKey, Instant createdAt) {
        this.kind = kind;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.title = ShortText.cut(title, MAX_TITLE); // a long institution and campaign name together may not fit
        this.candidateRole = candidateRole;
        this.region = region;
        this.institutionId = institutionId;
        this.dueAt = dueAt;
        this.status = TaskStatus.OPEN;
        this.processInstanceKey = processInstanceKey;
        this.elementId = elementId;
        this.jobKey = jobKey;
        this.createdAt = createdAt;
    }

    /** Whether the actor is one of the people this task is for. */
    public boolean isFor(Actor actor) {
        return actor.hasRole(candidateRole) && actor.covers(region.getPath(), institutionId)
                && (assigneeId == null || assigneeId.equals(actor.personId())) && actor.worksIn(candidateSection);
    }

    /** For the people of one bureau section only. */
    public InboxTask forSection(String section) {
        this.candidateSection = section;
        return this;
    }

    public String getCandidateSection() {
        return candidateSection;
    }

    public InboxTask assignTo(Long personId) {
        this.assigneeId = personId;
        return this;
    }

    void dueBy(Instant dueAt) {
        this.dueAt = dueAt;
    }

    void cancel(Instant at) {
        this.status = TaskStatus.CANCELLED;
        this.completedAt = at;
    }

    /** The owner was reminded (a reminder date of the process, or a person's 催办 with a note). */
    void reminded(Instant at, String note) {
        remindedCount++;
        lastRemindedAt = at;
        reminderNote = note;
    }

    /** The process's reminder before the deadline; false if it was given already. */
    boolean remindedBeforeDue(Instant at) {
        if (dueRemindedAt != null) {
            return false;
        }
        dueRemindedAt = at;
        return true;
    }

    /** The deadline passed and those above the owner were told; false if they were already. */
    boolean escalatedOverdue(Instant at) {
        if (overdueEscalatedAt != null) {
            return false;
        }
        overdueEscalatedAt = at;
        return true;
    }

    /**
     * When the owner is reminded before the deadline: the morning (09:00) of the day before it falls due — a day left
     * to act, a site visit to make — unless that is less than half a day after the task opened; then half-way (an
     * emergency's day).
     */
    public Instant remindAt() {
        Instant dayBefore = LedgerTime.at(LocalDate.ofInstant(dueAt, LedgerTime.ZONE).minusDays(1), LedgerTime.WORKDAY_START)
                .toInstant();
        if (dayBefore.isAfter(createdAt.plus(Duration.ofHours(12))) && dayBefore.isBefore(dueAt)) {
            return dayBefore;
        }
        return createdAt.plus(Duration.between(createdAt, dueAt).dividedBy(2));
    }

    public Instant getOverdueEscalatedAt() {
        return overdueEscalatedAt;
    }

    void complete(Actor actor, String resultJson, Instant at) {
        this.status = TaskStatus.COMPLETED;
        this.completedBy = actor.personId();
        this.completedAt = at;
        this.result = resultJson;
    }

    public Long getId() {
        return id;
    }

    public TaskKind getKind() {
        return kind;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getTitle() {
        return title;
    }

    public Role getCandidateRole() {
        return candidateRole;
    }

    public Region getRegion() {
        return region;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public Long getAssigneeId() {
        return assigneeId;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public String getElementId() {
        return elementId;
    }

    public Long getJobKey() {
        return jobKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Long getCompletedBy() {
        return completedBy;
    }

    public int getRemindedCount() {
        return remindedCount;
    }

    public Instant getLastRemindedAt() {
        return lastRemindedAt;
    }

    public String getReminderNote() {
        return reminderNote;
    }

    public String getResult() {
        return result;
    }
}
