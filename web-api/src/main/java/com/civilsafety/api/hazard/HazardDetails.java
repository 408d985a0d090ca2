package com.civilsafety.api.hazard;

import com.civilsafety.api.inbox.TaskDetails;
import com.civilsafety.ledger.hazard.Hazard;
import com.civilsafety.ledger.hazard.HazardEscalation;
import com.civilsafety.ledger.hazard.HazardExtension;
import com.civilsafety.ledger.hazard.HazardRectification;
import com.civilsafety.ledger.hazard.HazardStatusChange;
import com.civilsafety.ledger.hazard.HazardVerification;
import com.civilsafety.ledger.hazard.HazardView;
import com.civilsafety.ledger.whistleblower.Whistleblowers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A hazard as the API shows it: codes with their Chinese labels, and everything recorded about it. */
public record HazardDetails(long id, String code, String status, String statusLabel, long institutionId,
                            String institutionName, String township, String description, String location,
                            String category, String categoryLabel, String criterionCode, String criterionText,
                            boolean residentsExposed, String source, String sourceLabel, String grade,
                            String gradeLabel, String supervisionLevel, boolean listedSupervision,
                            boolean emergencyMeasuresRequired, boolean fixedOnSite, int escalationLevel,
                            String responsibleUnit, String responsiblePerson, Long supervisingLeaderId,
                            Long reopenedFromId, LocalDate foundOn, LocalDate reminderOn,
                            LocalDate rectificationDeadline, Long processInstanceKey,
                            Instant createdAt, Instant closedAt, List<StatusChange> history,
                            List<Rectification> rectifications, List<Verification> verifications,
                            List<Escalation> escalations, List<Extension> extensions, List<TaskDetails> tasks,
                            Whistleblowers.ReportView report) {

    /** With the whistleblower's report it was filed from (as the reporter wrote it), for those who may see it. */
    HazardDetails withReport(Whistleblowers.ReportView report) {
        return new HazardDetails(id, code, status, statusLabel, institutionId, institutionName, township, description,
                location, category, categoryLabel, criterionCode, criterionText, residentsExposed, source, sourceLabel, grade,
                gradeLabel, supervisionLevel, listedSupervision, emergencyMeasuresRequired, fixedOnSite, escalationLevel,
                responsibleUnit, responsiblePerson, supervisingLeaderId, reopenedFromId, foundOn, reminderOn,
                rectificationDeadline, processInstanceKey, createdAt, closedAt, history, rectifications, verifications,
                escalations, extensions, tasks, report);
    }

    public record Escalation(int level, Instant at, String notifiedRoles, String action) {
        static Escalation of(HazardEscalation e) {
            return new Escalation(e.getLevel(), e.getEscalatedAt(), e.getNotifiedRoles(), e.getAction());
        }
    }

    public record Extension(long id, LocalDate requestedDeadline, String reason, long requestedBy, Instant requestedAt,
                            String status, LocalDate approvedDeadline, Long decidedBy, String opinion) {
        static Extension of(HazardExtension e) {
            return new Extension(e.getId(), e.getRequestedDeadline(), e.getReason(), e.getRequestedBy(), e.getRequestedAt(),
                    e.getStatus().name(), e.getApprovedDeadline(), e.getDecidedBy(), e.getOpinion());
        }
    }

    public record StatusChange(String from, String to, String toLabel, Instant at, Long actorId, String actorName,
                               String note) {
        static StatusChange of(HazardStatusChange c) {
            return new StatusChange(c.getFromStatus() == null ? null : c.getFromStatus().name(), c.getToStatus().name(),
                    c.getToStatus().label(), c.getChangedAt(), c.getActorId(), c.getActorName(), c.getNote());
        }
    }

    public record Rectification(Long taskId, String measures, String responsiblePerson, BigDecimal funds,
                                LocalDate completedOn, String evidence, long submittedBy, Instant submittedAt) {
        static Rectification of(HazardRectification r) {
            return new Rectification(r.getTaskId(), r.getMeasures(), r.getResponsiblePerson(), r.getFunds(),
                    r.getCompletedOn(), r.getEvidence(), r.getSubmittedBy(), r.getSubmittedAt());
        }
    }

    public record Verification(long taskId, boolean passed, String opinion, LocalDate newDeadline, String acceptedBy,
                               String acceptanceOrganisation, long verifiedBy, Instant verifiedAt) {
        static Verification of(HazardVerification v) {
            return new Verification(v.getTaskId(), v.isPassed(), v.getOpinion(), v.getNewDeadline(),
                    v.getAcceptedBy() == null ? null : v.getAcceptedBy().name(), v.getAcceptanceOrganisation(),
                    v.getVerifiedBy(), v.getVerifiedAt());
        }
    }

    static HazardDetails of(HazardView view) {
        Hazard h = view.hazard();
        return new HazardDetails(h.getId(), h.getCode(), h.getStatus().name(), h.getStatus().label(),
                h.getInstitution().getId(), h.getInstitution().getName(), h.getRegion().getName(), h.getDescription(),
                h.getLocation(), h.getCategory().name(), h.getCategory().label(),
                h.getCriterion() == null ? null : h.getCriterion().getCode(), // reported before the catalogue existed
                h.getCriterion() == null ? null : h.getCriterion().getText(), h.isResidentsExposed(), h.getSource().name(), h.getSource().label(),
                h.getGrade() == null ? null : h.getGrade().name(), h.getGrade() == null ? null : h.getGrade().label(),
                h.getSupervisionLevel() == null ? null : h.getSupervisionLevel().name(), h.isListedSupervision(),
                h.isEmergencyMeasuresRequired(), h.isFixedOnSite(), h.getEscalationLevel(), h.getResponsibleUnit(),
                h.getResponsiblePerson(), h.getSupervisingLeaderId(), h.getReopenedFromId(), h.getFoundOn(),
                h.getReminderOn(), h.getRectificationDeadline(),
                h.getProcessInstanceKey(),
                h.getCreatedAt(), h.getClosedAt(), view.history().stream().map(StatusChange::of).toList(),
                view.rectifications().stream().map(Rectification::of).toList(),
                view.verifications().stream().map(Verification::of).toList(),
                view.escalations().stream().map(Escalation::of).toList(),
                view.extensions().stream().map(Extension::of).toList(),
                view.tasks().stream().map(TaskDetails::of).toList(), null);
    }
}
