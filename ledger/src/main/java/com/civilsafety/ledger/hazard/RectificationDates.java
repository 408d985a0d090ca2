package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.common.LedgerTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A hazard's rectification deadline and the days around it: the reminder before it, and the second escalation (to the
 * leader) some days after it. Each of the three falls due at a moment of its day (see {@link RectificationTimer}).
 */
public record RectificationDates(LocalDate reminderOn, LocalDate deadline, LocalDate secondEscalationOn) {

    /** When the reminder, the overdue escalation and the escalation to the leader fall due, in China time. */
    public OffsetDateTime dueAt(RectificationTimer timer) {
        return switch (timer) {
            case REMINDER -> LedgerTime.at(reminderOn, LedgerTime.WORKDAY_START);
            case DEADLINE -> LedgerTime.at(deadline, LedgerTime.LAST_SECOND);
            case SECOND_ESCALATION -> LedgerTime.at(secondEscalationOn, LedgerTime.LAST_SECOND);
        };
    }
}
