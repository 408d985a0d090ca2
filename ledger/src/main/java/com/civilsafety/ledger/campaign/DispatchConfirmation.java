package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.TaskResult;
import com.civilsafety.ledger.statistics.SafetyFigures;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 确认报送 of a monthly dispatch report (a township's, or the county's consolidation): the figures are the ledger's;
 * where the reporter knows better, a correction names the figure, the value reported instead and why. The ledger's
 * own figure is kept beside it in the frozen report.
 */
public record DispatchConfirmation(
        @Valid @Size(max = 20, message = "更正不能超过20项") List<@NotNull(message = "更正不能为空") Correction> corrections,
        @Size(max = 2000, message = "填报说明不能超过2000字") String notes,
        @NotBlank(message = "必须由填报人签名") @Size(max = 64, message = "签名不能超过64字") String signedBy) implements TaskResult {

    public record Correction(
            @NotBlank(message = "必须指明更正的数字") String field,
            @NotNull(message = "必须填写更正后的数字") @PositiveOrZero(message = "更正后的数字不能为负数") Long value,
            @NotBlank(message = "更正必须说明原因") @Size(max = 500, message = "更正原因不能超过500字") String reason) {
    }

    public List<Correction> correctionsOrNone() {
        return corrections == null ? List.of() : corrections;
    }

    @Override
    public void checkRules(LocalDate today) {
        Set<String> seen = new HashSet<>();
        List<Correction> all = correctionsOrNone();
        for (int i = 0; i < all.size(); i++) {
            String field = all.get(i).field().strip();
            if (!SafetyFigures.CORRECTABLE.contains(field)) {
                throw new InvalidInputException("corrections[" + i + "].field",
                        "不能更正的数字：" + field + "（可更正：" + String.join("、", SafetyFigures.CORRECTABLE_LABELS.values()) + "）");
            }
            if (!seen.add(field)) {
                throw new InvalidInputException("corrections[" + i + "].field", "同一数字只能更正一次："
                        + SafetyFigures.CORRECTABLE_LABELS.get(field));
            }
        }
    }
}
