package com.civilsafety.ledger.whistleblower;

import com.civilsafety.ledger.inbox.TaskForms;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.inbox.TaskResult;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The forms of a whistleblower report's triage. */
@Component
public class WhistleblowerTaskForms implements TaskForms {
    @Override
    public Map<TaskKind, Class<? extends TaskResult>> forms() {
        return Map.of(
                TaskKind.WHISTLEBLOWER_VERIFICATION, ReportVerification.class,
                TaskKind.WHISTLEBLOWER_REWARD, RewardDecision.class);
    }
}
