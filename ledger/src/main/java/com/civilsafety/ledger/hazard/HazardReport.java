package com.civilsafety.ledger.hazard;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A newly found hazard as someone reports it: the 判定依据 item it falls under (which gives its category and whether it
 * is major), whether residents are exposed to it now, and whether it was fixed on the spot (立查立改).
 */
public record HazardReport(
        @NotNull(message = "必须指明机构") Long institutionId,
        @NotBlank(message = "隐患描述不能为空") @Size(max = 2000, message = "隐患描述不能超过2000字") String description,
        @Size(max = 255, message = "隐患部位不能超过255字") String location,
        @NotBlank(message = "必须选择判定依据") @Size(max = 32, message = "判定依据编号不能超过32字") String criterionCode,
        Boolean residentsExposed,
        @NotNull(message = "必须选择发现方式") HazardSource source,
        @NotNull(message = "必须填写发现日期") LocalDate foundOn,
        Boolean fixedOnSite,
        @Size(max = 2000, message = "现场整改情况不能超过2000字") String onSiteMeasures) {

    /** A report of a hazard that is still to be rectified. */
    public HazardReport(Long institutionId, String description, String location, String criterionCode,
                        Boolean residentsExposed, HazardSource source, LocalDate foundOn) {
        this(institutionId, description, location, criterionCode, residentsExposed, source, foundOn, false, null);
    }
}
