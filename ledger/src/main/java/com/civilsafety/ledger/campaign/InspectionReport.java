package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** 检查记录: what the inspectors found (each finding becomes a hazard), signed by them (谁检查、谁签名、谁负责). */
public record InspectionReport(
        @NotNull(message = "必须填写检查日期") LocalDate inspectedOn,
        @NotNull(message = "检查发现不能为空，没有问题请填空列表") List<@Valid @NotNull(message = "检查发现不能为空") Finding> findings,
        @Size(max = 2000, message = "检查情况不能超过2000字") String notes,
        @NotBlank(message = "必须由检查人员签名") @Size(max = 128, message = "签名不能超过128字") String signedBy) implements TaskResult {

    public record Finding(
            @NotBlank(message = "必须选择判定依据") @Size(max = 32, message = "判定依据编号不能超过32字") String criterionCode,
            @NotBlank(message = "隐患描述不能为空") @Size(max = 2000, message = "隐患描述不能超过2000字") String description,
            @Size(max = 255, message = "隐患部位不能超过255字") String location,
            Boolean fixedOnSite,
            @Size(max = 2000, message = "现场整改情况不能超过2000字") String onSiteMeasures,
            /** 服务对象是否暴露于风险: graded as a direct report with the same fact would be */
            Boolean residentsExposed) {
    }

    @Override
    public void checkRules(LocalDate today) {
        if (inspectedOn.isAfter(today)) {
            throw new InvalidInputException("inspectedOn", "检查日期不能晚于今天");
        }
        for (int i = 0; i < findings.size(); i++) {
            // not answering is not "not exposed": the answer decides the grade, the deadline and emergency measures
            if (findings.get(i).residentsExposed() == null) {
                throw new InvalidInputException("findings[" + i + "].residentsExposed", "请回答服务对象是否暴露于该隐患的风险");
            }
        }
    }
}
