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

/** 五落实: responsible unit and person, measures, funds, deadline and temporary controls, signed by the assigner. */
public record AssignmentForm(
        @NotBlank(message = "责任单位不能为空") @Size(max = 128, message = "责任单位不能超过128字") String responsibleUnit,
        @NotBlank(message = "责任人不能为空") @Size(max = 64, message = "责任人不能超过64字") String responsiblePerson,
        @NotBlank(message = "整改措施不能为空") @Size(max = 2000, message = "整改措施不能超过2000字") String measures,
        @DecimalMin(value = "0", message = "整改资金不能为负数")
        @Digits(integer = 12, fraction = 2, message = "整改资金最多12位整数、2位小数") BigDecimal funds,
        @NotNull(message = "必须填写整改时限") LocalDate deadline,
        @Size(max = 2000, message = "临时管控措施不能超过2000字") String temporaryControls) implements TaskResult {

    @Override
    public void checkRules(LocalDate today) {
        if (deadline.isBefore(today)) {
            throw new InvalidInputException("deadline", "整改时限不能早于今天");
        }
    }
}
