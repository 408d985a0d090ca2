package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** 报送材料: a township's plan or summary, or the bureau's summary (which starts from the platform's draft). */
public record DeliverableSubmission(
        @NotBlank(message = "标题不能为空") @Size(max = 128, message = "标题不能超过128字") String title,
        @NotBlank(message = "正文不能为空") @Size(max = 50000, message = "正文不能超过50000字") String content,
        @Size(max = 20, message = "附件不能超过20个") List<Long> attachmentIds,
        @NotBlank(message = "必须由负责人签名") @Size(max = 64, message = "签名不能超过64字") String signedBy) implements TaskResult {
}
