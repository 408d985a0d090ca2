package com.civilsafety.engine.hazard;

import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.hazard.GradingFacts;
import com.civilsafety.ledger.hazard.GradingOnRecord;
import com.civilsafety.ledger.hazard.RectificationDates;
import com.civilsafety.ledger.hazard.RectificationTimer;
import com.civilsafety.ledger.hazard.Reopened;
import com.civilsafety.ledger.hazard.StepOutcome;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The hazard loop's variable contract (processes/hazard-rectification.bpmn and hazard-grading.dmn): what the ledger
 * answers, as the variables the model reads. The ledger's answers are typed; only here do they become names.
 */
public final class HazardVariables {
    /** The model's timers on the rectification wait, by what falls due. */
    public static final Map<RectificationTimer, String> TIMER_ELEMENTS = Map.of(
            RectificationTimer.REMINDER, "Event_ReminderDue",
            RectificationTimer.DEADLINE, "Event_DeadlinePassed",
            RectificationTimer.SECOND_ESCALATION, "Event_SecondEscalationDue");

    private HazardVariables() {
    }

    /** The inputs of the HazardGrading decision. */
    public static Map<String, Object> gradingFacts(GradingFacts facts) {
        return Map.of("criterionMajor", facts.criterionMajor(), "residentsExposed", facts.residentsExposed(),
                "institutionType", facts.institutionType().name(), "category", facts.category().name(),
                "fixedOnSite", facts.fixedOnSite());
    }

    /** The dates the rectification wait's timers fire at (ISO date-times in China time) and the deadline itself. */
    public static Map<String, Object> rectificationDates(RectificationDates dates) {
        return Map.of("reminderAt", dates.dueAt(RectificationTimer.REMINDER).toString(),
                "deadlineAt", dates.dueAt(RectificationTimer.DEADLINE).toString(),
                "secondEscalationAt", dates.dueAt(RectificationTimer.SECOND_ESCALATION).toString(),
                "rectificationDeadline", dates.deadline().toString());
    }

    /** What recording a person's step decided, for the gateways and timers after it. */
    public static Map<String, Object> stepOutcome(StepOutcome outcome) {
        Map<String, Object> variables = new HashMap<>();
        if (outcome.dates() != null) {
            variables.putAll(rectificationDates(outcome.dates()));
        }
        if (outcome.verificationPassed() != null) {
            variables.put("verificationPassed", outcome.verificationPassed());
        }
        if (outcome.rebound() != null) {
            variables.put("rebound", outcome.rebound());
        }
        return variables;
    }

    /** When the 回头看 timer fires. */
    public static Map<String, Object> recheck(LocalDate recheckOn) {
        return Map.of("recheckAt", LedgerTime.at(recheckOn, LedgerTime.WORKDAY_START).toString());
    }

    /** The new case's id (mapped to hazardId by the model) and what its grading reads. */
    public static Map<String, Object> reopened(Reopened reopened) {
        Map<String, Object> variables = new HashMap<>(gradingFacts(reopened.facts()));
        variables.put("newHazardId", reopened.hazardId());
        return variables;
    }

    /** The grading decision's result as the loop's later gateways read it (variable {@code grading}). */
    public static Map<String, Object> grading(GradingOnRecord grading) {
        Map<String, Object> variable = new HashMap<>();
        variable.put("grade", grading.grade() == null ? null : grading.grade().name());
        variable.put("supervisionLevel", grading.supervisionLevel() == null ? null : grading.supervisionLevel().name());
        variable.put("listedSupervision", grading.listedSupervision());
        variable.put("emergencyMeasures", grading.emergencyMeasures());
        variable.put("recheckDays", grading.recheckDays());
        variable.put("escalationDays", grading.escalationDays());
        return variable;
    }
}
