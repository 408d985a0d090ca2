package com.civilsafety.ledger.eventlog;

/** What happened to a record, as the event chain keeps it; {@link #label()}: as people read it in a timeline. */
public enum EventType {
    HAZARD_REPORTED("隐患上报"),
    HAZARD_WITHDRAWN("隐患撤回"),
    HAZARD_GRADED("隐患定级"),
    HAZARD_STEP_RECORDED("整改环节办理"),
    HAZARD_REMINDED("整改提醒"),
    HAZARD_ESCALATED("逾期升级督办"),
    HAZARD_EXTENSION_REQUESTED("申请延期"),
    HAZARD_CLOSED("隐患销号"),
    CAMPAIGN_CREATED("创建专项行动"),
    CAMPAIGN_STARTED("专项行动启动"),
    CAMPAIGN_PHASE_OPENED("阶段开始"),
    CAMPAIGN_PHASE_RESCHEDULED("阶段日期调整"),
    CAMPAIGN_DISPATCH_MONTHS_CHANGED("调度月份调整"),
    INSTITUTION_REGISTERED("登记机构"),
    INSTITUTION_CHANGED("变更机构信息"),
    INSTITUTION_STATUS_CHANGED("机构状态变更"),
    CAMPAIGN_PHASE_CLOSED("阶段结束"),
    CAMPAIGN_DELIVERABLE_OPENED("报送任务下达"),
    CAMPAIGN_REMINDED("报送提醒"),
    CAMPAIGN_ESCALATED("报送逾期升级"),
    CAMPAIGN_WORK_SUBMITTED("报送材料提交"),
    DISPATCH_REPORT_SUBMITTED("调度表报送"),
    HELP_VISIT_RECORDED("帮包走访"),
    WHISTLEBLOWER_REPORT_RECEIVED("收到举报"),
    WHISTLEBLOWER_REPORT_TRIAGED("举报核查"),
    CAMPAIGN_CANCELLED("专项行动取消"),
    CAMPAIGN_CLOSED("专项行动结束"),
    INSTITUTION_ZERO_REPORT_FLAGGED("零报告提示"),
    TASK_OPENED("待办下达"),
    TASKS_OPENED("批量下达待办"),
    TASK_COMPLETED("待办办结"),
    TASK_DUE_REMINDED("待办到期提醒"),
    TASK_OVERDUE_ESCALATED("待办逾期督办"),
    PROCESS_VARIABLE_CORRECTED("管理员修改流程变量"),
    PROCESS_INSTANCE_CANCELLED("管理员取消流程实例");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
