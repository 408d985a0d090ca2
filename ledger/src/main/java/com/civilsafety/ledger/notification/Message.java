package com.civilsafety.ledger.notification;

import com.civilsafety.ledger.common.ShortText;

/**
 * What a notification says: a title for the in-app list and the e-mail subject, a body short enough for an SMS
 * (at most {@link #SMS_CHARS} characters, cut with an ellipsis otherwise), and the path of the record it is about.
 */
public record Message(NotificationKind kind, String title, String body, String link, boolean urgent) {
    public static final int SMS_CHARS = 70;

    public Message {
        title = ShortText.cut(title, 200);
        body = ShortText.cut(body, SMS_CHARS);
    }
}
