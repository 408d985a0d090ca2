package com.civilsafety.ledger.whistleblower;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The public form: which institution, what and where; who and how to reach them only if the reporter wishes. The
 * institution is one of the register ({@code institutionId}) or, when the reporter cannot find it there, named with
 * its township and address ({@code institutionName}, {@code townshipId}, {@code address}).
 */
@InstitutionNamed
public record WhistleblowerSubmission(
        Long institutionId,
        @Size(max = 128, message = "机构名称不能超过128字") String institutionName,
        Long townshipId,
        @Size(max = 255, message = "机构地址不能超过255字") String address,
        @NotBlank(message = "请描述发现的安全隐患") @Size(max = 2000, message = "情况描述不能超过2000字") String description,
        @Size(max = 255, message = "具体位置不能超过255字") String location,
        @NotNull(message = "请选择您的身份") ReporterKind reporterKind,
        @Size(max = 64, message = "姓名不能超过64字") String reporterName,
        @Size(max = 64, message = "联系方式不能超过64字") String reporterContact) {
}
