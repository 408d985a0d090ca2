package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.inbox.TaskForms;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.inbox.TaskResult;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The forms of the rectification loop's human steps. */
@Component
public class HazardTaskForms implements TaskForms {
    @Override
    public Map<TaskKind, Class<? extends TaskResult>> forms() {
        return Map.of(
                TaskKind.SUPERVISION, SupervisionAcceptance.class,
                TaskKind.EMERGENCY_MEASURES, EmergencyMeasuresReport.class,
                TaskKind.ASSIGNMENT, AssignmentForm.class,
                TaskKind.RECTIFICATION, RectificationReport.class,
                TaskKind.EXPLANATION, OverdueExplanation.class,
                TaskKind.EXTENSION, ExtensionDecision.class,
                TaskKind.VERIFICATION, VerificationResult.class,
                TaskKind.RECHECK, RecheckResult.class);
    }
}
