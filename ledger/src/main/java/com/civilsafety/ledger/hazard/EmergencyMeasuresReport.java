package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;

/** What the institution did to keep people safe before rectification continues. */
public record EmergencyMeasuresReport(
        @NotEmpty(message = "至少选择一项紧急处置措施") Set<EmergencyMeasure> measures,
        @Size(max = 2000, message = "处置情况不能超过2000字") String description,
        @NotNull(message = "必须填写处置日期") LocalDate takenOn) implements TaskResult {

    @Override
    public void checkRules(LocalDate today) {
        if (takenOn.isAfter(today)) {
            throw new InvalidInputException("takenOn", "处置日期不能晚于今天");
        }
        if (measures.contains(EmergencyMeasure.OTHER) && (description == null || description.isBlank())) {
            throw new InvalidInputException("description", "选择“其他措施”时必须写明处置情况");
        }
    }
}
