package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The inspector's on-site verification (现场核查): passed, or back to rectification with reasons and a new deadline. */
public record VerificationResult(
        @NotNull(message = "必须填写核查是否通过") Boolean passed,
        @Size(max = 2000, message = "核查意见不能超过2000字") String opinion,
        LocalDate newDeadline,
        Acceptor acceptedBy,
        @Size(max = 128, message = "验收单位不能超过128字") String acceptanceOrganisation) implements TaskResult {

    public VerificationResult(Boolean passed, String opinion, LocalDate newDeadline) {
        this(passed, opinion, newDeadline, null, null);
    }

    @Override
    public void checkRules(LocalDate today) {
        if (acceptedBy != null && acceptedBy != Acceptor.INSPECTOR
                && (acceptanceOrganisation == null || acceptanceOrganisation.isBlank())) {
            throw new InvalidInputException("acceptanceOrganisation", "专家或第三方验收时必须写明验收单位");
        }
        if (passed) {
            return;
        }
        if (opinion == null || opinion.isBlank()) {
            throw new InvalidInputException("opinion", "核查不通过时必须写明原因");
        }
        if (newDeadline == null) {
            throw new InvalidInputException("newDeadline", "核查不通过时必须给出新的整改时限");
        }
        if (!newDeadline.isAfter(today)) {
            throw new InvalidInputException("newDeadline", "新的整改时限必须晚于今天");
        }
    }
}
