package com.civilsafety.ledger.whistleblower;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** 举报奖励认定 by the leader: granted (with the amount) or not, and why. */
public record RewardDecision(
        @NotNull(message = "请选择是否给予奖励") Boolean granted,
        @DecimalMin(value = "0", message = "奖励金额不能为负数")
        @Digits(integer = 10, fraction = 2, message = "奖励金额最多10位整数、2位小数") BigDecimal amount,
        @NotBlank(message = "请写明认定理由") @Size(max = 500, message = "认定理由不能超过500字") String reason,
        @NotBlank(message = "必须由领导签名") @Size(max = 64, message = "签名不能超过64字") String signedBy) implements TaskResult {

    @Override
    public void checkRules(LocalDate today) {
        if (granted && (amount == null || amount.signum() <= 0)) {
            throw new InvalidInputException("amount", "给予奖励时必须填写奖励金额");
        }
    }
}
