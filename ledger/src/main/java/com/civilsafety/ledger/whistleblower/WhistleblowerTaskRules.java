package com.civilsafety.ledger.whistleblower;

import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.criterion.HazardCriterionRepository;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskResult;
import com.civilsafety.ledger.inbox.TaskRules;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** A substantiated report must cite a 判定依据 item that applies to the institution, checked before anything is stored. */
@Component
class WhistleblowerTaskRules implements TaskRules {
    private final WhistleblowerReportRepository reports;
    private final InstitutionRepository institutions;
    private final HazardCriterionRepository criteria;

    WhistleblowerTaskRules(WhistleblowerReportRepository reports, InstitutionRepository institutions,
                           HazardCriterionRepository criteria) {
        this.reports = reports;
        this.institutions = institutions;
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
            Institution institution = institutions.findById(report.getInstitutionId()).orElseThrow();
            String code = verification.criterionCode().strip();
            if (criteria.findByCode(code).filter(c -> c.appliesTo(institution.getType())).isEmpty()) {
                throw new InvalidInputException("criterionCode", "判定依据不存在或不适用于" + institution.getType().label() + "：" + code);
            }
        }
    }
}
