package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.inbox.TaskKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One piece of work someone owes a campaign: an institution's self-check, an inspection of one institution, a
 * township's plan, a quarter's 主要负责人带队检查 … with its inbox task, due date and whether it came in late. Unique
 * per (campaign, slot, owner), so fanning out twice opens nothing twice.
 */
@Entity
public class CampaignWork {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long campaignId;
    private Long phaseId;
    private Long deliverableId;
    /** The phase (P1, P2 …) or deliverable (D7) the work belongs to. */
    private String slot;
    @Enumerated(EnumType.STRING)
    private TaskKind kind;
    /** Who owes it: I12 (institution 12), R3 (region 3), H40 (the hazard a re-check is about). */
    private String ownerKey;
    private Long regionId;
    private Long institutionId;
    private Long hazardId;
    private Long taskId;
    private String inspectorIds;
    private LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    private WorkStatus status;
    private boolean late;
    private int reminders;
    private Integer hazardsFound;
    private String draft;
    private Instant submittedAt;
    private Long submittedBy;

    protected CampaignWork() {
    }

    CampaignWork(long campaignId, String slot, TaskKind kind, String ownerKey, long regionId, Long institutionId,
                 LocalDate dueOn) {
        this.campaignId = campaignId;
        this.slot = slot;
        this.kind = kind;
        this.ownerKey = ownerKey;
        this.regionId = regionId;
        this.institutionId = institutionId;
        this.dueOn = dueOn;
        this.status = WorkStatus.OPEN;
    }

    CampaignWork ofPhase(long phaseId) {
        this.phaseId = phaseId;
        return this;
    }

    CampaignWork ofDeliverable(long deliverableId) {
        this.deliverableId = deliverableId;
        return this;
    }

    CampaignWork about(long hazardId) {
        this.hazardId = hazardId;
        return this;
    }

    CampaignWork inspectedBy(String inspectorIds) {
        this.inspectorIds = inspectorIds;
        return this;
    }

    CampaignWork drafted(String draft) {
        this.draft = draft;
        return this;
    }

    void attach(long taskId) {
        this.taskId = taskId;
    }

    void submit(Actor actor, Instant at, LocalDate today) {
        this.status = WorkStatus.SUBMITTED;
        this.submittedAt = at;
        this.submittedBy = actor.personId();
        this.late = late || today.isAfter(dueOn);
    }

    void recordHazardsFound(int count) {
        this.hazardsFound = count;
    }

    void reminded() {
        this.reminders++;
    }

    /** The phase it is owed to was given another end: the work is owed by then. */
    void dueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    void markLate() {
        this.late = true;
    }

    void cancel() {
        this.status = WorkStatus.CANCELLED;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getPhaseId() {
        return phaseId;
    }

    public Long getDeliverableId() {
        return deliverableId;
    }

    public String getSlot() {
        return slot;
    }

    public TaskKind getKind() {
        return kind;
    }

    public String getOwnerKey() {
        return ownerKey;
    }

    public Long getRegionId() {
        return regionId;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public Long getHazardId() {
        return hazardId;
    }

    public Long getTaskId() {
        return taskId;
    }

    public String getInspectorIds() {
        return inspectorIds;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public WorkStatus getStatus() {
        return status;
    }

    public boolean isLate() {
        return late;
    }

    public int getReminders() {
        return reminders;
    }

    public Integer getHazardsFound() {
        return hazardsFound;
    }

    public String getDraft() {
        return draft;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Long getSubmittedBy() {
        return submittedBy;
    }
}
