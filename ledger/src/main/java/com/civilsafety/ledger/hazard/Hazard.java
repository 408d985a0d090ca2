package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.criterion.HazardCriterion;
import com.civilsafety.ledger.institution.Institution;
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
import java.time.LocalDate;
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
    private Integer recheckDays;
    private LocalDate foundOn;
    @Enumerated(EnumType.STRING)
    private HazardStatus status;
    private LocalDate rectificationDeadline;
    private Long reportedBy;
    private Long processInstanceKey;
    private Instant closedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Hazard() {
    }

    Hazard(Institution institution, HazardCriterion criterion, boolean residentsExposed, String description,
           String location, HazardSource source, LocalDate foundOn, Long reportedBy, Instant now) {
        this.institution = institution;
        this.region = institution.getRegion();
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

    void assignCode() {
        this.code = "YH%d-%06d".formatted(foundOn.getYear(), id);
    }

    /** What the HazardGrading decision reads (processes/hazard-grading.dmn), passed when the process starts. */
    public Map<String, Object> gradingFacts() {
        return Map.of("criterionMajor", criterion.isMajor(), "residentsExposed", residentsExposed,
                "institutionType", institution.getType().name(), "category", category.name());
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
        this.updatedAt = now;
    }

    void moveDeadline(LocalDate deadline, Instant now) {
        this.rectificationDeadline = deadline;
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
