package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The institution's account of how it rectified a hazard. */
public record RectificationReport(
        @NotBlank(message = "整改措施不能为空") @Size(max = 2000, message = "整改措施不能超过2000字") String measures,
        @NotBlank(message = "责任人不能为空") @Size(max = 64, message = "责任人不能超过64字") String responsiblePerson,
        @DecimalMin(value = "0", message = "整改资金不能为负数")
        @Digits(integer = 12, fraction = 2, message = "整改资金最多12位整数、2位小数") BigDecimal funds,
        @NotNull(message = "必须填写整改完成日期") LocalDate completedOn,
        @Size(max = 2000, message = "整改佐证不能超过2000字") String evidence) implements TaskResult {

    @Override
    public void checkRules(LocalDate today) {
        if (completedOn.isAfter(today)) {
            throw new InvalidInputException("completedOn", "整改完成日期不能晚于今天");
        }
    }
}
