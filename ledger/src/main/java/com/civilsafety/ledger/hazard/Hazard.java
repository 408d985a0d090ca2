package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.criterion.HazardCategory;
import com.civilsafety.ledger.criterion.HazardCriterion;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionType;
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
import java.time.Instant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/** A safety hazard found at an institution, on the books (挂账) until it is verified and closed (销号). */
@Entity
public class Hazard {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    /** The number people quote, e.g. YH2026-000042. */
    private String code;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "institution_id")
    private Institution institution;
    /** The institution's township, copied so that data-scope queries need no join through the institution. */
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "region_id")
    private Region region;
    /** The institution's type when the hazard was found, copied so that the figures group by it from an index alone. */
    @Enumerated(EnumType.STRING)
    private InstitutionType institutionType;
    private String description;
    private String location;
    /** The 判定依据 item the hazard was reported under; its category is the hazard's. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "criterion_id")
    private HazardCriterion criterion;
    @Enumerated(EnumType.STRING)
    private HazardCategory category;
    private boolean residentsExposed;
    @Enumerated(EnumType.STRING)
    private HazardSource source;
    /** 重大/一般 and what follows from it, set by the HazardGrading decision. */
    @Enumerated(EnumType.STRING)
    private HazardGrade grade;
    @Enumerated(EnumType.STRING)
    private SupervisionLevel supervisionLevel;
    private boolean listedSupervision;
    private boolean emergencyMeasuresRequired;
    private LocalDate reminderOn;
    /** The reminder date the 整改期限将至 reminder was sent for (one reminder per deadline). */
    private LocalDate remindedFor;
    private Integer recheckDays;
    /** Days after the deadline until an overdue hazard is escalated to the leader. */
    private Integer escalationDays;
    /** 0 on time; 1 overdue, escalated to township and section; 2 escalated to the leader. */
    private int escalationLevel;
    /** 立查立改: fixed on the spot when found. */
    private boolean fixedOnSite;
    /** 五落实, as assigned. */
    private String responsibleUnit;
    private String responsiblePerson;
    private String rectificationMeasures;
    private BigDecimal rectificationFunds;
    /** 临时管控措施 while the rectification is under way. */
    private String temporaryControls;
    /** 验收人 as signed (with the expert or third-party organisation), and the date of acceptance. */
    private String acceptedByName;
    private LocalDate acceptedOn;
    /** The leader who took the hazard under supervision (挂牌督办). */
    private Long supervisingLeaderId;
    /** The closed hazard this one reopens after a 回头看 found it had come back. */
    private Long reopenedFromId;
    private LocalDate foundOn;
    @Enumerated(EnumType.STRING)
    private HazardStatus status;
    private LocalDate rectificationDeadline;
    private Long reportedBy;
    private Long processInstanceKey;
    private Long campaignId;
    private boolean processStartPending;
    private Instant closedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Hazard() {
    }

    Hazard(Institution institution, HazardCriterion criterion, boolean residentsExposed, boolean fixedOnSite,
           String description, String location, HazardSource source, LocalDate foundOn, Long reportedBy, Instant now) {
        this.fixedOnSite = fixedOnSite;
        this.institution = institution;
        this.region = institution.getRegion();
        this.institutionType = institution.getType();
        this.criterion = criterion;
        this.category = criterion.getCategory();
        this.residentsExposed = residentsExposed;
        this.description = description;
        this.location = location;
        this.source = source;
        this.foundOn = foundOn;
        this.reportedBy = reportedBy;
        this.status = HazardStatus.REPORTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Found within a campaign, on the books before its loop starts: the caller starts the loop after the commit. */
    void foundInCampaign(Long campaignId) {
        this.campaignId = campaignId;
        awaitLoop();
    }

    /** On the books before its loop starts (found in a campaign, imported): the caller starts it after the commit. */
    void awaitLoop() {
        this.processStartPending = true;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public boolean isProcessStartPending() {
        return processStartPending;
    }

    void assignCode() {
        this.code = "YH%d-%06d".formatted(foundOn.getYear(), id);
    }

    /** What the grading decision reads, passed when the loop starts. */
    public GradingFacts gradingFacts() {
        return new GradingFacts(criterion.isMajor(), residentsExposed, institution.getType(), category, fixedOnSite);
    }

    /** 登记定级: links the hazard to its process and fixes grade, deadline, reminder and supervision. */
    void grade(long processInstanceKey, Grading grading, Instant now) {
        this.processInstanceKey = processInstanceKey;
        this.grade = grading.grade();
        this.supervisionLevel = grading.supervisionLevel();
        this.listedSupervision = grading.listedSupervision();
        this.emergencyMeasuresRequired = grading.emergencyMeasures();
        this.rectificationDeadline = foundOn.plusDays(grading.rectificationDays());
        this.reminderOn = rectificationDeadline.minusDays(grading.reminderLeadDays());
        this.recheckDays = grading.recheckDays();
        this.escalationDays = grading.escalationDays();
        this.updatedAt = now;
    }

    /** The rectification deadline and the reminder and second escalation around it. */
    public RectificationDates rectificationDates() {
        return new RectificationDates(reminderOn, rectificationDeadline, rectificationDeadline.plusDays(escalationDays));
    }

    /**
     * What is still to fall due while the institution rectifies (the engine holds a timer for each): nothing once the
     * hazard is no longer being rectified.
     */
    public Map<RectificationTimer, OffsetDateTime> pendingTimers(Instant now) {
        if (status != HazardStatus.RECTIFYING) {
            return Map.of();
        }
        RectificationDates dates = rectificationDates();
        Map<RectificationTimer, OffsetDateTime> pending = new EnumMap<>(RectificationTimer.class);
        for (RectificationTimer timer : RectificationTimer.values()) {
            OffsetDateTime at = dates.dueAt(timer);
            if (at.toInstant().isAfter(now)) {
                pending.put(timer, at);
            }
        }
        return pending;
    }

    void assign(AssignmentForm form, Instant now) {
        this.responsibleUnit = form.responsibleUnit();
        this.responsiblePerson = form.responsiblePerson();
        this.rectificationMeasures = form.measures();
        this.rectificationFunds = form.funds();
        this.temporaryControls = form.temporaryControls();
        moveDeadline(form.deadline(), now);
    }

    void accepted(String acceptedBy, LocalDate on, Instant now) {
        this.acceptedByName = acceptedBy;
        this.acceptedOn = on;
        this.updatedAt = now;
    }

    void supervisedBy(Long leaderId, Instant now) {
        this.supervisingLeaderId = leaderId;
        this.updatedAt = now;
    }

    /** The grading as recorded: what the loop's later steps go by. */
    public GradingOnRecord gradingOnRecord() {
        return new GradingOnRecord(grade, supervisionLevel, listedSupervision, emergencyMeasuresRequired, recheckDays,
                escalationDays);
    }

    void rebuiltAs(long processInstanceKey) {
        this.processInstanceKey = processInstanceKey;
    }

    /** Marks the reminder for the current deadline sent; false when it already was. */
    boolean remindOnce() {
        if (reminderOn == null || reminderOn.equals(remindedFor)) {
            return false;
        }
        remindedFor = reminderOn;
        return true;
    }

    void escalate(int level, Instant now) {
        this.escalationLevel = Math.max(escalationLevel, level);
        this.updatedAt = now;
    }

    void reopens(Hazard closed) {
        this.reopenedFromId = closed.getId();
    }

    /** A new deadline keeps the reminder's lead time and starts a new escalation cycle. */
    void moveDeadline(LocalDate deadline, Instant now) {
        long lead = java.time.temporal.ChronoUnit.DAYS.between(reminderOn, rectificationDeadline);
        this.rectificationDeadline = deadline;
        this.reminderOn = deadline.minusDays(lead);
        this.escalationLevel = 0;
        this.updatedAt = now;
    }

    /** Moves to a new status; the caller records the change in the history. */
    HazardStatus moveTo(HazardStatus next, Instant now) {
        HazardStatus previous = this.status;
        this.status = next;
        this.updatedAt = now;
        if (next == HazardStatus.CLOSED) {
            this.closedAt = now;
        }
        return previous;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public Institution getInstitution() {
        return institution;
    }

    public Region getRegion() {
        return region;
    }

    public String getDescription() {
        return description;
    }

    public String getLocation() {
        return location;
    }

    public HazardCategory getCategory() {
        return category;
    }

    public HazardSource getSource() {
        return source;
    }

    public HazardCriterion getCriterion() {
        return criterion;
    }

    public boolean isResidentsExposed() {
        return residentsExposed;
    }

    public HazardGrade getGrade() {
        return grade;
    }

    public SupervisionLevel getSupervisionLevel() {
        return supervisionLevel;
    }

    public boolean isListedSupervision() {
        return listedSupervision;
    }

    public boolean isEmergencyMeasuresRequired() {
        return emergencyMeasuresRequired;
    }

    public LocalDate getReminderOn() {
        return reminderOn;
    }

    public Integer getRecheckDays() {
        return recheckDays;
    }

    public Integer getEscalationDays() {
        return escalationDays;
    }

    public int getEscalationLevel() {
        return escalationLevel;
    }

    public boolean isFixedOnSite() {
        return fixedOnSite;
    }

    public String getResponsibleUnit() {
        return responsibleUnit;
    }

    public String getResponsiblePerson() {
        return responsiblePerson;
    }

    public String getRectificationMeasures() {
        return rectificationMeasures;
    }

    public BigDecimal getRectificationFunds() {
        return rectificationFunds;
    }

    public String getTemporaryControls() {
        return temporaryControls;
    }

    public String getAcceptedByName() {
        return acceptedByName;
    }

    public LocalDate getAcceptedOn() {
        return acceptedOn;
    }

    public Long getSupervisingLeaderId() {
        return supervisingLeaderId;
    }

    public Long getReopenedFromId() {
        return reopenedFromId;
    }

    public LocalDate getFoundOn() {
        return foundOn;
    }

    public HazardStatus getStatus() {
        return status;
    }

    public LocalDate getRectificationDeadline() {
        return rectificationDeadline;
    }

    public Long getReportedBy() {
        return reportedBy;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
