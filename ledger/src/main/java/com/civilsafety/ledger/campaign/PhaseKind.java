package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.inbox.TaskKind;
import java.util.List;

/**
 * The kinds of campaign phase the seed plans use (绩溪 2023: five phases; 泽州 2024–2026: four), and the work each
 * opens when it starts: 动员部署 notifies every institution, 机构自查 (and 泽州's 集中攻坚) gives each a self-check,
 * 部门检查 assigns inspections, 督导检查 (and 治本提升) re-checks a sample of closed hazards and visits a sample
 * of institutions. Summaries are deliverables with due dates, not work a phase opens.
 */
public enum PhaseKind {
    MOBILISATION("动员部署", TaskKind.NOTICE),
    SELF_CHECK("机构自查整改", TaskKind.SELF_CHECK),
    DEPARTMENT_CHECK("部门检查", TaskKind.INSPECTION),
    SUPERVISION("督导检查", TaskKind.SAMPLE_RECHECK, TaskKind.SUPERVISION_VISIT),
    SUMMARY("总结提高"),
    FOCUSED_REMEDIATION("集中攻坚", TaskKind.SELF_CHECK),
    ROOT_CAUSE("治本提升", TaskKind.SAMPLE_RECHECK, TaskKind.SUPERVISION_VISIT),
    EVALUATION("总结评估");

    private final String label;
    private final List<TaskKind> work;

    PhaseKind(String label, TaskKind... work) {
        this.label = label;
        this.work = List.of(work);
    }

    public String label() {
        return label;
    }

    public List<TaskKind> work() {
        return work;
    }

    public boolean opens(TaskKind kind) {
        return work.contains(kind);
    }
}
