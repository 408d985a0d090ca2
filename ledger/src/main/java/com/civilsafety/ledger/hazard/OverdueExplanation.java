package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The institution's written explanation of an overdue rectification (书面说明); the hazard stays on the books. */
public record OverdueExplanation(
        @NotBlank(message = "逾期原因不能为空") @Size(max = 2000, message = "逾期原因不能超过2000字") String reason,
        @NotBlank(message = "下一步措施不能为空") @Size(max = 2000, message = "下一步措施不能超过2000字") String nextSteps)
        implements TaskResult {
}
