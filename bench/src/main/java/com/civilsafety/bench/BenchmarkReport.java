package com.civilsafety.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** docs/benchmarks.md: one section per benchmark, between markers, replaced in place when the benchmark runs again. */
final class BenchmarkReport {
    private static final String HEADER = "# Benchmarks\n\nEach section is written by its benchmark; rerun its command to refresh it.\n";

    /** The lines every section starts with: when, on what, with which command. */
    static String context(String command) {
        return "- Date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n"
                + "- Machine: " + Machine.describe() + "\n"
                + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + "\n"
                + "- Command: `" + command + "`\n";
    }

    static void writeSection(Path file, String key, String content) throws IOException {
        String start = "<!-- " + key + ":start -->";
        String end = "<!-- " + key + ":end -->";
        String section = start + "\n" + content.strip() + "\n" + end;
        String existing = Files.exists(file) ? Files.readString(file) : HEADER;
        int a = existing.indexOf(start);
        int b = existing.indexOf(end);
        String updated = a >= 0 && b > a
                ? existing.substring(0, a) + section + existing.substring(b + end.length())
                : existing.stripTrailing() + "\n\n" + section + "\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, updated);
        System.out.println("written to " + file + " (" + key + ")");
    }

    private BenchmarkReport() {
    }
}
