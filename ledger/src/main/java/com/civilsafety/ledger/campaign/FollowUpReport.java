package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 催办情况: what a township or the bureau did about those who did not submit on time. */
public record FollowUpReport(
        @NotBlank(message = "必须填写督促措施") @Size(max = 5000, message = "督促措施不能超过5000字") String measures) implements TaskResult {
}
