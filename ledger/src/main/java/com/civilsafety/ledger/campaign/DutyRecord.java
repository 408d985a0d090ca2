package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** 履职记录: a 主要负责人带队检查 or an 应急演练 as it was held, signed by whoever led it. */
public record DutyRecord(
        @NotNull(message = "必须填写开展日期") LocalDate heldOn,
        @NotBlank(message = "必须填写带队人") @Size(max = 64, message = "带队人不能超过64字") String ledBy,
        @Positive(message = "参加人数须大于0") Integer participants,
        @NotBlank(message = "必须填写开展情况") @Size(max = 5000, message = "开展情况不能超过5000字") String content,
        @NotBlank(message = "必须签名") @Size(max = 64, message = "签名不能超过64字") String signedBy) implements TaskResult {

    @Override
    public void checkRules(LocalDate today) {
        if (heldOn.isAfter(today)) {
            throw new InvalidInputException("heldOn", "开展日期不能晚于今天");
        }
    }
}
