package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The bureau's decision on an extension request (延期审批); an approval may grant a shorter extension than asked. */
public record ExtensionDecision(
        @NotNull(message = "必须填写是否同意延期") Boolean approved,
        @Size(max = 2000, message = "审批意见不能超过2000字") String opinion,
        LocalDate approvedDeadline) implements TaskResult {

    @Override
    public void checkRules(LocalDate today) {
        if (!approved && (opinion == null || opinion.isBlank())) {
            throw new InvalidInputException("opinion", "不同意延期时必须写明理由");
        }
        if (approvedDeadline != null && !approvedDeadline.isAfter(today)) {
            throw new InvalidInputException("approvedDeadline", "批准的整改时限必须晚于今天");
        }
    }
}
