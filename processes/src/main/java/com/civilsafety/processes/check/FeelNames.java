package com.civilsafety.processes.check;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a FEEL expression reads, as far as its text shows them: names that are not keywords, not functions
 * (a name before a parenthesis, or one of FEEL's built-ins whose names have spaces), not a context's keys, not names
 * the expression binds itself ({@code for x in …}) and not inside a string; of a path
 * ({@code grading.recheckDays}) the first name.
 */
final class FeelNames {
    /** FEEL's built-in functions whose names contain spaces: read as one word each */
    private static final List<String> SPACED_FUNCTIONS = List.of("date and time", "years and months duration",
            "day of week", "day of year", "month of year", "week of year", "last day of month", "string length",
            "upper case", "lower case", "substring before", "substring after", "starts with", "ends with", "string join",
            "get or else", "is defined", "list contains", "index of", "distinct values", "insert before", "get value",
            "get entries", "round half up", "round half down", "round up", "round down", "context put", "context merge",
            "duplicate values", "is empty");
    /** each as a whole name: "needsUpdate and timeout" does not hold "date and time" */
    private static final List<Pattern> SPACED = SPACED_FUNCTIONS.stream()
            .map(f -> Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(f) + "(?![\\p{L}\\p{N}_])")).toList();
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "if", "then", "else", "for", "in", "return",
            "some", "every", "satisfies", "between", "instance", "of", "null", "true", "false", "function", "date", "time",
            "duration");
    /** FEEL comments: from // to the end of the line, and block comments */
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*[\\s\\S]*?\\*/");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}_.])([\\p{L}_][\\p{L}\\p{N}_]*)(\\s*[(:])?");
    /** names an expression binds itself: {@code for x in …, y in …}, {@code some x in …}, {@code every x in …} */
    private static final Pattern BOUND = Pattern.compile("(?:\\b(?:for|some|every)|,)\\s*([\\p{L}_][\\p{L}\\p{N}_]*)\\s+in\\b");

    private FeelNames() {
    }

    static Set<String> variablesOf(String expression) {
        String text = expression == null ? "" : expression.strip();
        text = text.startsWith("=") ? text.substring(1) : text;
        text = STRING.matcher(text).replaceAll("\"\"");
        text = COMMENT.matcher(text).replaceAll(" ");
        for (Pattern function : SPACED) {
            text = function.matcher(text).replaceAll("f");
        }
        Set<String> bound = new HashSet<>();
        Matcher b = BOUND.matcher(text);
        while (b.find()) {
            bound.add(b.group(1));
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            // a name before "(" is a function, before ":" a context's key
            if (m.group(2) == null && !KEYWORDS.contains(m.group(1)) && !bound.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
