package com.civilsafety.ledger.inbox;

import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.job.ProcessStep;
import java.util.List;

/**
 * 办理逾期: an open task's deadline passed, and those who answer for its owner were told (once per task). Published
 * inside the escalating step's transaction.
 */
public record TaskOverdue(InboxTask task, List<Role> escalatedTo, ProcessStep step) {
    /** who answers for an owner's lateness in this step */
    static List<Role> above(TaskKind kind, Role owner) {
        if (kind == TaskKind.EMERGENCY_MEASURES) {
            // a place not made safe: the leaders who put the 重大事故隐患 under 挂牌督办 hear of it too
            return List.of(Role.TOWNSHIP_OFFICER, Role.BUREAU_SECTION, Role.LEADER);
        }
        return switch (owner) {
            case INSTITUTION_MANAGER -> List.of(Role.TOWNSHIP_OFFICER, Role.BUREAU_SECTION);
            // the section engaged the experts and the third party, and answers for their lateness
            case TOWNSHIP_OFFICER, INSPECTOR, EXPERT, THIRD_PARTY -> List.of(Role.BUREAU_SECTION);
            // the section prepares the leader's 挂牌督办 and reminds the leader
            case LEADER -> List.of(Role.BUREAU_SECTION);
            case BUREAU_SECTION, BUREAU_ADMIN -> List.of(Role.LEADER);
        };
    }
}
