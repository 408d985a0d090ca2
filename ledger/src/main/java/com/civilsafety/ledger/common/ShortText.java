package com.civilsafety.ledger.common;

/** Text cut to fit where it goes (a column, an SMS): at most so many characters, the last an ellipsis when cut. */
public final class ShortText {
    private ShortText() {
    }

    /** Counted in characters as people and MySQL's utf8mb4 count them (code points), never splitting one. */
    public static String cut(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max - 1)) + "…";
    }
}
