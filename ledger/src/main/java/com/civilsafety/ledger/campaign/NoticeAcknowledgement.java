package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 通知签收: the institution has read the campaign plan. */
public record NoticeAcknowledgement(
        @NotBlank(message = "签收人不能为空") @Size(max = 64, message = "签收人不能超过64字") String signedBy) implements TaskResult {
}
