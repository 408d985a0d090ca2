package com.civilsafety.ledger.hazard;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** 延期申请 by the institution while it rectifies. */
public record ExtensionRequest(
        @NotNull(message = "必须填写申请延长至的日期") LocalDate requestedDeadline,
        @NotBlank(message = "延期理由不能为空") @Size(max = 2000, message = "延期理由不能超过2000字") String reason) {
}
