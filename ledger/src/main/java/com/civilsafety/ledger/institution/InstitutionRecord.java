package com.civilsafety.ledger.institution;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An institution as the register records it (登记、变更): its code (统一社会信用代码 or the county's own number), name, type,
 * the region it belongs to (a township, or the county itself for an institution the bureau runs directly, 直属机构),
 * address, beds, principal and safety officer. {@code reason}: why it was changed (kept with the change).
 */
public record InstitutionRecord(
        @NotBlank(message = "机构编号不能为空") @Size(max = 32, message = "机构编号不能超过32字")
        @Pattern(regexp = "[0-9A-Za-z-]+", message = "机构编号只能由字母、数字和短横线组成") String code,
        @NotBlank(message = "机构名称不能为空") @Size(max = 128, message = "机构名称不能超过128字") String name,
        @NotNull(message = "必须选择机构类型") InstitutionType type,
        @NotNull(message = "必须选择所属乡镇（县局直属机构选本县）") Long regionId,
        @Size(max = 255, message = "地址不能超过255字") String address,
        @Min(value = 0, message = "床位数不能为负数") @Max(value = 100000, message = "床位数不能超过100000") Integer capacity,
        @Size(max = 64, message = "负责人姓名不能超过64字") String principalName,
        @Size(max = 32, message = "负责人电话不能超过32字") @Pattern(regexp = "[0-9+\\- ]*", message = "电话只能包含数字、+、-和空格") String principalPhone,
        @Size(max = 64, message = "安全管理员姓名不能超过64字") String safetyOfficerName,
        @Size(max = 32, message = "安全管理员电话不能超过32字") @Pattern(regexp = "[0-9+\\- ]*", message = "电话只能包含数字、+、-和空格") String safetyOfficerPhone,
        @Size(max = 500, message = "原因不能超过500字") String reason) {
}
