package com.civilsafety.ledger.helpvisit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What a help visit records: where, when, who went, what was done. */
public record HelpVisitReport(
        @NotNull(message = "必须指明机构") Long institutionId,
        @NotNull(message = "必须填写帮扶日期") LocalDate visitedOn,
        @NotBlank(message = "必须填写帮扶人员") @Size(max = 255, message = "帮扶人员不能超过255字") String visitors,
        @NotBlank(message = "必须填写帮扶内容") @Size(max = 2000, message = "帮扶内容不能超过2000字") String content) {
}
