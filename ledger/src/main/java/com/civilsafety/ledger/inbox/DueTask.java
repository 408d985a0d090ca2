package com.civilsafety.ledger.inbox;

import com.civilsafety.ledger.access.Role;
import java.time.Instant;

/** An open task as a reminder needs it — what, by when, whose — read without its entity (a campaign has thousands). */
public record DueTask(long id, TaskKind kind, String title, Instant dueAt, Long assigneeId, Role candidateRole,
                      String regionPath, Long institutionId, String candidateSection) {
    static DueTask of(InboxTask task) {
        return new DueTask(task.getId(), task.getKind(), task.getTitle(), task.getDueAt(), task.getAssigneeId(),
                task.getCandidateRole(), task.getRegion().getPath(), task.getInstitutionId(), task.getCandidateSection());
    }
}
