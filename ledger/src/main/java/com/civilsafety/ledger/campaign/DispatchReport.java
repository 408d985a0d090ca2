package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.inbox.TaskKind;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** A submitted monthly dispatch report, frozen: what was sent stays as sent, whatever the ledger says later. */
@Entity
public class DispatchReport {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long campaignId;
    private Long workId;
    private String reportMonth;
    private String level;
    private Long regionId;
    /** The directly-run institution (直属机构) that reported, or null for a township's or the county's report. */
    private Long institutionId;
    /** The bureau section whose field the report consolidates (本领域), or null. */
    private String section;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    /** {@link DispatchReportContent} as JSON. */
    private String content;
    private boolean late;
    private Long submittedBy;
    private Instant submittedAt;

    protected DispatchReport() {
    }

    DispatchReport(CampaignWork work, String reportMonth, String level, LocalDate periodFrom, LocalDate periodTo,
                   String content) {
        this.campaignId = work.getCampaignId();
        this.workId = work.getId();
        this.reportMonth = reportMonth;
        this.level = level;
        this.regionId = work.getRegionId();
        this.institutionId = work.getInstitutionId();
        this.section = work.getKind() == TaskKind.FIELD_DISPATCH_REPORT ? MonthlyDispatch.sectionOf(work) : null;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.content = content;
        this.late = work.isLate();
        this.submittedBy = work.getSubmittedBy();
        this.submittedAt = work.getSubmittedAt();
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getReportMonth() {
        return reportMonth;
    }

    public String getLevel() {
        return level;
    }

    public Long getRegionId() {
        return regionId;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public String getSection() {
        return section;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public String getContent() {
        return content;
    }

    public boolean isLate() {
        return late;
    }

    public Long getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
