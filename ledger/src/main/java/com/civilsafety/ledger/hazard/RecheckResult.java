package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** 回头看: whether a closed hazard has come back (反弹回潮). */
public record RecheckResult(
        @NotNull(message = "必须填写是否反弹") Boolean rebound,
        @Size(max = 2000, message = "回头看情况不能超过2000字") String findings) implements TaskResult {

    @Override
    public void checkRules(LocalDate today) {
        if (rebound && (findings == null || findings.isBlank())) {
            throw new InvalidInputException("findings", "发现反弹时必须写明情况");
        }
    }
}
