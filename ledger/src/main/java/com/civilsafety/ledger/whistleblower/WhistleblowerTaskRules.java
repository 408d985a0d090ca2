package com.civilsafety.ledger.whistleblower;

import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.criterion.HazardCriterionRepository;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskResult;
import com.civilsafety.ledger.inbox.TaskRules;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.institution.InstitutionStatus;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * A substantiated report becomes a hazard of an institution of the register, checked before anything is stored: the one
 * it names or the one the verifier chose (required when the report names an institution not in the register), operating
 * and in the report's county; and a 判定依据 item that applies to that institution's type.
 */
@Component
class WhistleblowerTaskRules implements TaskRules {
    private final WhistleblowerReportRepository reports;
    private final InstitutionRepository institutions;
    private final RegionRepository regions;
    private final HazardCriterionRepository criteria;

    WhistleblowerTaskRules(WhistleblowerReportRepository reports, InstitutionRepository institutions, RegionRepository regions,
                           HazardCriterionRepository criteria) {
        this.reports = reports;
        this.institutions = institutions;
        this.regions = regions;
        this.criteria = criteria;
    }

    @Override
    public String subjectType() {
        return Whistleblowers.SUBJECT;
    }

    @Override
    public void check(InboxTask task, TaskResult result, LocalDate today) {
        if (result instanceof ReportVerification verification && verification.substantiated()) {
            WhistleblowerReport report = reports.findById(task.getSubjectId())
                    .orElseThrow(() -> new ConflictException("举报不存在：" + task.getSubjectId()));
            Institution institution = verification.institutionId() == null ? named(report) : chosen(report, verification.institutionId());
            String code = verification.criterionCode().strip();
            if (criteria.findByCode(code).filter(c -> c.appliesTo(institution.getType())).isEmpty()) {
                throw new InvalidInputException("criterionCode", "判定依据不存在或不适用于" + institution.getType().label() + "：" + code);
            }
        }
    }

    private Institution named(WhistleblowerReport report) {
        if (report.getInstitutionId() == null) {
            throw new InvalidInputException("institutionId", "举报的“" + report.getReportedInstitution()
                    + "”未在册：情况属实的，请选择立案的在册机构；对应不上在册机构的，请选择不予立案并写明移交情况");
        }
        return institutions.findById(report.getInstitutionId()).orElseThrow();
    }

    /** An operating institution of the county the report's township belongs to. */
    private Institution chosen(WhistleblowerReport report, long institutionId) {
        Region township = regions.findById(report.getRegionId()).orElseThrow();
        String county = township.getParentId() == null ? township.getPath()
                : regions.findById(township.getParentId()).map(Region::getPath).orElse(township.getPath());
        return institutions.findById(institutionId)
                .filter(i -> i.getStatus() == InstitutionStatus.OPERATING && i.getRegion().getPath().startsWith(county))
                .orElseThrow(() -> new InvalidInputException("institutionId", "立案机构须是本县在册、正在运营的机构，请重新选择"));
    }
}
