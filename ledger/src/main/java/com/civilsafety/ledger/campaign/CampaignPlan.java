package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.institution.InstitutionType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A campaign as its creator plans it: scope, schedule, who leads it, how inspections are assigned (full coverage
 * unless given), whether the recurring duties (每季度主要负责人带队检查, 每年应急演练) are tracked (yes unless false), and
 * the months whose 《清单》《调度表》 are reported ("2027-06"; unless given, every month whose reports fall due within
 * the campaign from the day it is deployed), and whether they are also reported weekly (周调度: every week from the
 * first whose reports fall due after deployment; not unless true).
 */
public record CampaignPlan(
        @NotBlank(message = "行动名称不能为空") @Size(max = 128, message = "行动名称不能超过128字") String name,
        @Size(max = 32, message = "模板编号不能超过32字") String templateCode,
        @NotBlank(message = "牵头单位不能为空") @Size(max = 128, message = "牵头单位不能超过128字") String leadOrganisation,
        @Size(max = 255, message = "责任股室不能超过255字") String responsibleSections,
        @NotEmpty(message = "排查范围（区划）不能为空") List<@NotNull(message = "区划不能为空") Long> regionIds,
        @NotEmpty(message = "机构类型不能为空") Set<@NotNull(message = "机构类型不能为空") InstitutionType> institutionTypes,
        @NotEmpty(message = "至少要有一个阶段") List<@Valid @NotNull(message = "阶段不能为空") Phase> phases,
        List<@Valid @NotNull(message = "任务节点不能为空") Deliverable> deliverables,
        @Valid InspectionPlan inspection,
        Boolean recurringDuties,
        List<@NotNull(message = "调度月份不能为空") @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])",
                message = "调度月份应写作 2027-06") String> dispatchMonths,
        Boolean weeklyDispatch) {

    public CampaignPlan(String name, String templateCode, String leadOrganisation, String responsibleSections,
                        List<Long> regionIds, Set<InstitutionType> institutionTypes, List<Phase> phases,
                        List<Deliverable> deliverables, InspectionPlan inspection, Boolean recurringDuties) {
        this(name, templateCode, leadOrganisation, responsibleSections, regionIds, institutionTypes, phases, deliverables,
                inspection, recurringDuties, null, null);
    }

    /** The same plan under another name. */
    public CampaignPlan named(String newName) {
        return new CampaignPlan(newName, templateCode, leadOrganisation, responsibleSections, regionIds, institutionTypes,
                phases, deliverables, inspection, recurringDuties, dispatchMonths, weeklyDispatch);
    }

    public record Phase(
            @NotNull(message = "必须选择阶段类型") PhaseKind kind,
            @Size(max = 64, message = "阶段名称不能超过64字") String name,
            @NotNull(message = "必须填写开始日期") LocalDate startsOn,
            @NotNull(message = "必须填写结束日期") LocalDate endsOn) {
    }

    /** Something owed by a date; it is opened two weeks before (a township plan: at once) unless opensOn says. */
    public record Deliverable(
            @NotNull(message = "必须选择任务类型") DeliverableKind kind,
            @Size(max = 128, message = "任务名称不能超过128字") String name,
            @NotNull(message = "必须填写截止日期") LocalDate dueOn,
            LocalDate opensOn) {

        public Deliverable(DeliverableKind kind, String name, LocalDate dueOn) {
            this(kind, name, dueOn, null);
        }
    }
}
