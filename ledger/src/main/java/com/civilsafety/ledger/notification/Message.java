package com.civilsafety.ledger.notification;

/**
 * What a notification says: a title for the in-app list and the e-mail subject, a body short enough for an SMS
 * (at most {@link #SMS_CHARS} characters, cut with an ellipsis otherwise), and the path of the record it is about.
 */
public record Message(NotificationKind kind, String title, String body, String link, boolean urgent) {
    public static final int SMS_CHARS = 70;

    public Message {
        title = cut(title, 200);
        body = cut(body, SMS_CHARS);
    }

    private static String cut(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max - 1)) + "…";
    }
}
