package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A leader takes a major hazard under supervision (挂牌督办); the submission is the signature. */
public record SupervisionAcceptance(
        @NotBlank(message = "督办要求不能为空") @Size(max = 2000, message = "督办要求不能超过2000字") String requirements)
        implements TaskResult {
}
