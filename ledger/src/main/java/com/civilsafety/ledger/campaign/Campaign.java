package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.institution.InstitutionType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A 专项排查整治行动: its scope (regions, institution types), who leads it, and where it stands. */
@Entity
public class Campaign {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String templateCode;
    private String leadOrganisation;
    private String responsibleSections;
    @Enumerated(EnumType.STRING)
    private CampaignStatus status;
    private String statusReason;
    private Long createdBy;
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_region", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "region_id")
    private Set<Long> regionIds = new HashSet<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_institution_type", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "institution_type")
    @Enumerated(EnumType.STRING)
    private Set<InstitutionType> institutionTypes = EnumSet.noneOf(InstitutionType.class);
    @Enumerated(EnumType.STRING)
    private InspectionMode inspectionMode;
    private int inspectionShare;
    private int inspectorsPerInstitution;
    private boolean unannounced;
    private Long processInstanceKey;
    /**
     * The months whose 《清单》《调度表》 are reported, as "2027-06,2027-07"; null for a campaign deployed before the
     * months were chosen, which reports in every month of its span.
     */
    private String dispatchMonths;
    /** 周调度: the first week ("2027-W23") whose 《清单》《调度表》 are reported weekly, every week after it too; null: none. */
    private String dispatchWeeksFrom;
    @Version
    private long version;

    protected Campaign() {
    }

    Campaign(CampaignPlan plan, Long createdBy, Instant createdAt) {
        this.name = plan.name().strip();
        this.templateCode = plan.templateCode();
        this.leadOrganisation = plan.leadOrganisation().strip();
        this.responsibleSections = plan.responsibleSections();
        this.status = CampaignStatus.ACTIVE;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.regionIds = new HashSet<>(plan.regionIds());
        this.institutionTypes = EnumSet.copyOf(plan.institutionTypes());
        InspectionPlan inspection = plan.inspection() == null ? InspectionPlan.FULL_COVERAGE : plan.inspection();
        this.inspectionMode = inspection.mode();
        this.inspectionShare = inspection.share();
        this.inspectorsPerInstitution = inspection.inspectors();
        this.unannounced = Boolean.TRUE.equals(inspection.unannounced());
    }

    void reportIn(List<String> months) {
        this.dispatchMonths = String.join(",", months);
    }

    void reportWeeklyFrom(String week) {
        this.dispatchWeeksFrom = week;
    }

    /**
     * Whether the period's 《清单》《调度表》 are reported: a month of the campaign's span as chosen, a week from the
     * first weekly one on (ISO week keys sort in time).
     */
    public boolean reportsIn(String period) {
        if (new DispatchPeriod(period).weekly()) {
            return dispatchWeeksFrom != null && period.compareTo(dispatchWeeksFrom) >= 0;
        }
        return dispatchMonths == null || List.of(dispatchMonths.split(",")).contains(period);
    }

    /** 周调度 as well as the monthly dispatch. */
    public boolean isWeeklyDispatch() {
        return dispatchWeeksFrom != null;
    }

    void end(CampaignStatus status, String reason) {
        this.status = status;
        this.statusReason = reason;
    }

    public boolean isActive() {
        return status == CampaignStatus.ACTIVE;
    }

    public InspectionMode getInspectionMode() {
        return inspectionMode;
    }

    public int getInspectionShare() {
        return inspectionShare;
    }

    public int getInspectorsPerInstitution() {
        return inspectorsPerInstitution;
    }

    public boolean isUnannounced() {
        return unannounced;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTemplateCode() {
        return templateCode;
    }

    public String getLeadOrganisation() {
        return leadOrganisation;
    }

    public String getResponsibleSections() {
        return responsibleSections;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Long> getRegionIds() {
        return Set.copyOf(regionIds);
    }

    public Set<InstitutionType> getInstitutionTypes() {
        return Set.copyOf(institutionTypes);
    }
}
