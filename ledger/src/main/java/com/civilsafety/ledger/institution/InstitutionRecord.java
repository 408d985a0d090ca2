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
        @Pattern(regexp = "[0-9A-Za-z]([0-9A-Za-z-]*[0-9A-Za-z])?", message = "机构编号只能由字母、数字和短横线组成，以字母或数字开头和结尾") String code,
        @NotBlank(message = "机构名称不能为空") @Size(max = 128, message = "机构名称不能超过128字")
        @Pattern(regexp = PLAIN_TEXT, message = "机构名称不能包含控制字符或方向控制符") String name,
        @NotNull(message = "必须选择机构类型") InstitutionType type,
        @NotNull(message = "必须选择所属乡镇（县局直属机构选本县）") Long regionId,
        @Size(max = 255, message = "地址不能超过255字") @Pattern(regexp = PLAIN_TEXT, message = "地址不能包含控制字符或方向控制符") String address,
        @Min(value = 0, message = "床位数不能为负数") @Max(value = 100000, message = "床位数不能超过100000") Integer capacity,
        @Size(max = 64, message = "负责人姓名不能超过64字") @Pattern(regexp = PLAIN_TEXT, message = "姓名不能包含控制字符或方向控制符") String principalName,
        @Size(max = 32, message = "负责人电话不能超过32字") @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String principalPhone,
        @Size(max = 64, message = "安全管理员姓名不能超过64字") @Pattern(regexp = PLAIN_TEXT, message = "姓名不能包含控制字符或方向控制符") String safetyOfficerName,
        @Size(max = 32, message = "安全管理员电话不能超过32字") @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String safetyOfficerPhone,
        @Size(max = 500, message = "原因不能超过500字") String reason) {

    /** No control characters and no bidirectional overrides (a name shown backwards could pass for another). */
    static final String PLAIN_TEXT = "[^\\p{Cc}\\p{Cf}]*";
    /** A telephone number: at least seven digits, with +, - and spaces between them, or nothing. */
    static final String PHONE = "(\\+?[0-9][0-9 -]{5,}[0-9])?";
    static final String PHONE_MESSAGE = "电话号码应为至少7位数字（可含+、-和空格），如 0563-8164609 或 13800000000";

    /** The record with its texts trimmed and blanks as none: what is checked and stored. */
    InstitutionRecord normalized() {
        return new InstitutionRecord(trim(code), trim(name), type, regionId, trim(address), capacity, trim(principalName),
                trim(principalPhone), trim(safetyOfficerName), trim(safetyOfficerPhone), trim(reason));
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? (text == null ? null : "") : text.strip();
    }
}
