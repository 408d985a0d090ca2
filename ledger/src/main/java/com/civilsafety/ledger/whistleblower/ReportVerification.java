package com.civilsafety.ledger.whistleblower;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * 举报核查: whether the report holds; if so, the hazard as found (its 判定依据, whether residents are exposed, and the
 * institution of the register it is filed against when the report named one not in the register, or named the wrong
 * one), else why it is dismissed.
 */
public record ReportVerification(
        @NotNull(message = "请选择核查结论") Boolean substantiated,
        Long institutionId,
        @NotBlank(message = "请填写核查情况") @Size(max = 2000, message = "核查情况不能超过2000字") String findings,
        @Size(max = 32, message = "判定依据编号不能超过32字") String criterionCode,
        /** 服务对象是否暴露于风险, as for every other way of finding a hazard */
        Boolean residentsExposed,
        @Size(max = 1000, message = "不予立案理由不能超过1000字") String dismissReason,
        @NotNull(message = "请填写核查日期") LocalDate verifiedOn,
        @NotBlank(message = "必须由核查人签名") @Size(max = 64, message = "签名不能超过64字") String signedBy) implements TaskResult {

    @Override
    public void checkRules(LocalDate today) {
        if (verifiedOn.isAfter(today)) {
            throw new InvalidInputException("verifiedOn", "核查日期不能晚于今天");
        }
        if (substantiated && (criterionCode == null || criterionCode.isBlank())) {
            throw new InvalidInputException("criterionCode", "情况属实时必须选择判定依据，以便立案整改");
        }
        if (substantiated && residentsExposed == null) {
            throw new InvalidInputException("residentsExposed", "情况属实时必须回答服务对象是否暴露于风险（决定整改时限和是否紧急处置）");
        }
        if (!substantiated && (dismissReason == null || dismissReason.isBlank())) {
            throw new InvalidInputException("dismissReason", "不予立案时必须写明理由（将告知举报人）");
        }
    }
}
