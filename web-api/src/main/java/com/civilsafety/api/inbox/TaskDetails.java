package com.civilsafety.api.inbox;

import com.civilsafety.ledger.inbox.InboxTask;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * An inbox task as the API shows it; {@code result} is the submitted form as it was stored; {@code remindedCount} and
 * {@code reminderNote} say whether its owner was reminded (催办); {@code notYours}, on a task read by its number, why
 * the reader may not do it (another section's, another role's).
 */
public record TaskDetails(long id, String kind, String kindLabel, String title, String status, String statusLabel,
                          String subjectType, long subjectId, String candidateRole, String township,
                          Long institutionId, Instant dueAt, Instant createdAt, Instant completedAt, Long completedBy,
                          int remindedCount, Instant lastRemindedAt, String reminderNote, @JsonRawValue String result,
                          String notYours) {

    public static TaskDetails of(InboxTask t) {
        return of(t, null);
    }

    /** With {@code notYours}: why the reader may see the task but not do it (null when it is his to do). */
    public static TaskDetails of(InboxTask t, String notYours) {
        return new TaskDetails(t.getId(), t.getKind().name(), t.getKind().label(), t.getTitle(), t.getStatus().name(),
                t.getStatus().label(), t.getSubjectType(), t.getSubjectId(), t.getCandidateRole().code(),
                // an institution's task names its unit: its township, or the county's 直属机构
                t.getInstitutionId() == null ? t.getRegion().getName() : t.getRegion().unitName(), t.getInstitutionId(),
                t.getDueAt(), t.getCreatedAt(), t.getCompletedAt(),
                t.getCompletedBy(), t.getRemindedCount(), t.getLastRemindedAt(), t.getReminderNote(), t.getResult(), notYours);
    }
}
