package com.civilsafety.ledger.notification;

import java.time.LocalTime;

/** A person's stored choices read without their entity: a campaign-wide reminder addresses thousands of people. */
public record StoredPreferences(long personId, String email, boolean emailEnabled, String mobile, boolean webhookEnabled,
                                LocalTime quietFrom, LocalTime quietUntil, boolean digest) {
    NotificationPreferences preferences() {
        return new NotificationPreferences(email, emailEnabled, mobile, webhookEnabled, quietFrom, quietUntil, digest);
    }
}
