package com.civilsafety.ledger.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every import of a sheet filled offline shares (the 《隐患清单》, the 机构台账): its rows as text, numbered as the
 * spreadsheet numbers them; each row answered on its own — imported, already on the books, or refused with every problem
 * named by its row and column; nothing imported when only refused rows remain. The rules for a row are those of the
 * record made in the app, each import's own.
 */
public final class SheetImport {
    private SheetImport() {
    }

    /** A column of a template: its header, the field of the record it fills, and the hint in the template's 填写说明. */
    public record Column(String header, String field, boolean required, String hint) {
    }

    /** One data row as read from the file: its number as the spreadsheet shows it, and its cells as text. */
    public record Row(int number, List<String> cells) {
        /** the cell's text without blanks around it, or null when it is empty */
        public String cell(int column) {
            String value = column < cells.size() ? cells.get(column) : null;
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** A problem of a row: {@code message} says it whole (第3行「发现日期」应为日期，如 2026-12-01). */
    public record RowError(int row, String column, String message) {
        /** 第3行「发现日期」 and what is wrong: the column's name in the corner brackets, the row as the spreadsheet numbers it. */
        public static RowError of(Row row, String column, String what) {
            return new RowError(row.number(), column, "第" + row.number() + "行「" + column + "」" + what);
        }
    }

    public enum Outcome {
        CREATED("已导入"), DUPLICATE("已存在，未重复导入"), REFUSED("未导入");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What became of a row, whatever the import: its outcome, and whatever the import tells of its record. */
    public interface Answer {
        Outcome outcome();
    }

    /** Every row's answer, in the file's order, and how many went each way. */
    public record Result<A extends Answer>(long created, long skipped, long refused, List<A> rows) {
        public static <A extends Answer> Result<A> of(List<A> rows) {
            return new Result<>(count(rows, Outcome.CREATED), count(rows, Outcome.DUPLICATE), count(rows, Outcome.REFUSED), rows);
        }

        private static long count(List<? extends Answer> rows, Outcome outcome) {
            return rows.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    /** Nothing was imported: the file has no rows, too many, or only rows that were refused. */
    public static class RejectedException extends LedgerException {
        private final List<RowError> errors;
        private final List<? extends Answer> rows;

        public RejectedException(List<RowError> errors, List<? extends Answer> rows) {
            super("导入失败，共 " + errors.size() + " 处错误，未导入任何数据");
            this.errors = List.copyOf(errors);
            this.rows = List.copyOf(rows);
        }

        public List<RowError> errors() {
            return errors;
        }

        /** every row's answer, as a successful import gives it */
        public List<? extends Answer> rows() {
            return rows;
        }
    }

    /** Refuses an empty file or one of more rows than {@code maxRows}, before any row is checked. */
    public static void checkSize(List<Row> rows, int maxRows, String nothing) {
        if (rows.isEmpty()) {
            throw new RejectedException(List.of(new RowError(0, "", nothing)), List.of());
        }
        if (rows.size() > maxRows) {
            throw new RejectedException(List.of(new RowError(0, "", "一次最多导入 " + maxRows + " 行，本文件有 " + rows.size() + " 行")),
                    List.of());
        }
    }

    /** A date as people type it in a cell: 2026-03-01, 2026/3/1, 2026.3.1 or 2026年3月1日. */
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    /** The date a cell holds, or null if it holds none (a day that does not exist, or not a date at all). */
    public static LocalDate date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The columns' headers by the record field each fills: where a rule of the record names a field, the row names its column. */
    public static Map<String, String> headersByField(List<Column> columns) {
        Map<String, String> byField = new HashMap<>();
        columns.forEach(c -> byField.put(c.field(), c.header()));
        return Map.copyOf(byField);
    }
}
