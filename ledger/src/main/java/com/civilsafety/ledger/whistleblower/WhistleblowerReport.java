package com.civilsafety.ledger.whistleblower;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A report from a whistleblower: what was seen where, and — only if they gave it — who they are. */
@Entity
public class WhistleblowerReport {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String trackingCode;
    /** The institution of the register the report is about; null while it names one the reporter could not find there. */
    private Long institutionId;
    /** The institution as the reporter named it, when it is not in the register (with its address). */
    private String reportedInstitution;
    private String reportedAddress;
    /** The institution's township (the one the reporter chose for an institution not in the register), for the data scope. */
    private Long regionId;
    private String description;
    private String location;
    @Enumerated(EnumType.STRING)
    private ReporterKind reporterKind;
    private String reporterName;
    private String reporterContact;
    @Enumerated(EnumType.STRING)
    private ReportStatus status;
    /** What the reporter is told with the tracking code. */
    private String feedback;
    private Long hazardId;
    private java.math.BigDecimal rewardAmount;
    /** When a reward was granted: the statistics count rewards by this moment's China date. */
    private Instant rewardDecidedAt;
    private Long processInstanceKey;
    private Instant submittedAt;
    private Instant updatedAt;

    protected WhistleblowerReport() {
    }

    /** A report about the institution of the register, or — {@code institutionId} null — the one the submission names. */
    WhistleblowerReport(String trackingCode, Long institutionId, long regionId, WhistleblowerSubmission submission, Instant now) {
        this.trackingCode = trackingCode;
        this.institutionId = institutionId;
        if (institutionId == null) {
            this.reportedInstitution = submission.institutionName().strip();
            this.reportedAddress = blankToNull(submission.address());
        }
        this.regionId = regionId;
        this.description = submission.description().strip();
        this.location = blankToNull(submission.location());
        this.reporterKind = submission.reporterKind();
        this.reporterName = blankToNull(submission.reporterName());
        this.reporterContact = blankToNull(submission.reporterContact());
        this.status = ReportStatus.RECEIVED;
        this.feedback = "您的举报已受理，我们将尽快核查。";
        this.submittedAt = now;
        this.updatedAt = now;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    void rebuiltAs(long processInstanceKey) {
        this.processInstanceKey = processInstanceKey;
    }

    /** The triage has begun: the first worker records which instance runs it (a second one would find another). */
    boolean triagedBy(long processInstanceKey, Instant now) {
        if (this.processInstanceKey != null && this.processInstanceKey != processInstanceKey) {
            return false;
        }
        this.processInstanceKey = processInstanceKey;
        this.status = ReportStatus.VERIFYING;
        this.feedback = "您的举报正在核查中。";
        this.updatedAt = now;
        return true;
    }

    /** Substantiated as a hazard of an institution of the register: the one it named, or the one the verifier found it to be. */
    void substantiated(long institutionId, long hazardId, String hazardCode, Instant now) {
        this.institutionId = institutionId;
        this.hazardId = hazardId;
        this.status = ReportStatus.SUBSTANTIATED;
        this.feedback = "经核查，情况属实，已立案整改（隐患编号 " + hazardCode + "）。感谢您的举报。";
        this.updatedAt = now;
    }

    void dismissed(String reason, Instant now) {
        this.status = ReportStatus.DISMISSED;
        this.feedback = "经核查，不予立案：" + reason.strip();
        this.updatedAt = now;
    }

    void rewardDecided(boolean granted, java.math.BigDecimal amount, Instant now) {
        this.rewardAmount = granted ? amount : null;
        this.rewardDecidedAt = granted ? now : null;
        this.feedback = feedback + (granted ? "经认定给予举报奖励 " + amount.toPlainString() + " 元，请联系县民政局领取。"
                : "经认定不符合奖励条件。");
        this.updatedAt = now;
    }

    void close(Instant now) {
        this.status = status == ReportStatus.DISMISSED ? ReportStatus.DISMISSED : ReportStatus.CLOSED;
        this.updatedAt = now;
    }

    public java.math.BigDecimal getRewardAmount() {
        return rewardAmount;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public Long getId() {
        return id;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    /**
     * How staff refer to the report (举报线索 JB000012). Never its tracking code: that is the reporter's key to the
     * report's status and photos, and seeing it would let staff act as, or trace, the reporter.
     */
    public String reference() {
        return referenceOf(id);
    }

    /** {@link #reference()} of the report with this id */
    public static String referenceOf(long id) {
        return "JB%06d".formatted(id);
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public String getReportedInstitution() {
        return reportedInstitution;
    }

    public String getReportedAddress() {
        return reportedAddress;
    }

    public Long getRegionId() {
        return regionId;
    }

    public String getDescription() {
        return description;
    }

    public String getLocation() {
        return location;
    }

    public ReporterKind getReporterKind() {
        return reporterKind;
    }

    public String getReporterName() {
        return reporterName;
    }

    public String getReporterContact() {
        return reporterContact;
    }

    public ReportStatus getStatus() {
        return status;
    }

    public String getFeedback() {
        return feedback;
    }

    public Long getHazardId() {
        return hazardId;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
