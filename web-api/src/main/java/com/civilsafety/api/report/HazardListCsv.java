package com.civilsafety.api.report;

import com.civilsafety.ledger.hazard.HazardListRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * 《隐患清单》 as CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel reads the Chinese), the same columns as the
 * Excel file. A text cell that a spreadsheet would take for a formula is written with a leading apostrophe.
 */
final class HazardListCsv implements Consumer<HazardListRow> {
    private final Writer out;
    private final LocalDate today;
    private long number;

    HazardListCsv(Writer out, LocalDate today) throws IOException {
        this.out = out;
        this.today = today;
        out.write('\uFEFF');
        StringBuilder header = new StringBuilder("序号");
        HazardListColumns.ALL.forEach(c -> header.append(',').append(field(c.header())));
        out.write(header.append("\r\n").toString());
    }

    @Override
    public void accept(HazardListRow row) {
        StringBuilder line = new StringBuilder().append(++number);
        for (HazardListColumns.Column column : HazardListColumns.ALL) {
            Object value = column.value().apply(row, today);
            line.append(',').append(value == null ? "" : field(value.toString()));
        }
        try {
            out.write(line.append("\r\n").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
