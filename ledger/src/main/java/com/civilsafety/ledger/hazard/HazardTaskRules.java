package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.inbox.TaskResult;
import com.civilsafety.ledger.inbox.TaskRules;
import com.civilsafety.ledger.people.Person;
import com.civilsafety.ledger.people.PersonRepository;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/** What a submission on a hazard's task must fit: the hazard's state and dates. */
@Component
class HazardTaskRules implements TaskRules {
    private final HazardRepository hazards;
    private final PersonRepository people;

    HazardTaskRules(HazardRepository hazards, PersonRepository people) {
        this.hazards = hazards;
        this.people = people;
    }

    /**
     * An acceptance signed by an expert's or a third party's account is theirs, whatever the form said: 专家 or 第三方机构,
     * and the body their account acts for (one whose account names no body cannot accept until it does).
     */
    @Override
    public TaskResult signed(InboxTask task, TaskResult result, Actor signer) {
        Acceptor acceptor = signer.hasRole(Role.THIRD_PARTY) ? Acceptor.THIRD_PARTY : signer.hasRole(Role.EXPERT) ? Acceptor.EXPERT : null;
        if (acceptor == null || !(result instanceof VerificationResult verification) || !Boolean.TRUE.equals(verification.passed())) {
            return result;
        }
        String organisation = signer.personId() == null ? null
                : people.findById(signer.personId()).map(Person::getOrganisation).orElse(null);
        if (organisation == null) {
            throw new InvalidInputException("acceptanceOrganisation", "您的账号未登记所属单位，请县局管理员在账号中填写所属单位后再验收");
        }
        return new VerificationResult(true, verification.opinion(), verification.newDeadline(), acceptor, organisation);
    }

    @Override
    public String subjectType() {
        return HazardService.SUBJECT;
    }

    /**
     * The graded deadline; for a hazard reported so late that it has already passed, the graded period counted from
     * today (otherwise no deadline would be both in the future and within the graded one).
     */
    static LocalDate latestAssignableDeadline(Hazard hazard, LocalDate today) {
        LocalDate graded = hazard.getRectificationDeadline();
        return graded.isBefore(today) ? today.plusDays(ChronoUnit.DAYS.between(hazard.getFoundOn(), graded)) : graded;
    }

    @Override
    public void check(InboxTask task, TaskResult result, LocalDate today) {
        Hazard hazard = hazards.require(task.getSubjectId());
        if (hazard.getStatus() == HazardStatus.CLOSED && task.getKind() != TaskKind.RECHECK) {
            throw new ConflictException("隐患 " + hazard.getCode() + " 已销号，不能再办理「" + task.getKind().label() + "」");
        }
        switch (result) {
            case AssignmentForm form when form.deadline().isAfter(latestAssignableDeadline(hazard, today)) ->
                    throw new InvalidInputException("deadline", "整改时限不能晚于 " + latestAssignableDeadline(hazard, today)
                            + "（定级确定的期限），确需延长请由机构提出延期申请");
            case RectificationReport report when report.completedOn().isBefore(hazard.getFoundOn()) ->
                    throw new InvalidInputException("completedOn", "整改完成日期不能早于发现日期 " + hazard.getFoundOn());
            case ExtensionDecision decision when decision.approved() && decision.approvedDeadline() != null
                    && !decision.approvedDeadline().isAfter(hazard.getRectificationDeadline()) ->
                    throw new InvalidInputException("approvedDeadline", "批准的整改时限必须晚于现整改时限 " + hazard.getRectificationDeadline());
            case VerificationResult verification when verification.passed() && hazard.getGrade() == HazardGrade.MAJOR
                    && (verification.acceptedBy() == null || verification.acceptedBy() == Acceptor.INSPECTOR) ->
                    throw new InvalidInputException("acceptedBy", "重大事故隐患须经专家或第三方机构验收（acceptedBy: EXPERT 或 THIRD_PARTY）");
            default -> {
            }
        }
    }
}
