package com.civilsafety.api.report;

import com.civilsafety.ledger.hazard.HazardListRow;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 《隐患清单》 in the layout of the county form: the title over the whole width, 填报单位 and the date, one header row of
 * Chinese column names, a row per hazard (序号 counting up), and the 填报人 / 审核人 lines. Rows are taken one at a time
 * and flushed to a temporary file every {@link #WINDOW} rows, so the number of rows does not bound the heap.
 */
final class HazardListWorkbook implements Consumer<HazardListRow>, AutoCloseable {
    static final int WINDOW = 200;
    /** The rows above the first hazard: title, unit, header. */
    static final int FIRST_ROW = 3;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final FormStyles styles = new FormStyles(workbook);
    private final CellStyle date;
    private final CellStyle money;
    private final Sheet sheet;
    private final LocalDate today;
    private int next = FIRST_ROW;

    /** {@code office}: who fills it in (a township's 民政办, a county's 民政局, a directly-run institution itself). */
    HazardListWorkbook(String title, String reportingUnit, String office, LocalDate today) {
        this.today = today;
        date = workbook.createCellStyle();
        date.cloneStyleFrom(styles.body);
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        money = workbook.createCellStyle();
        money.cloneStyleFrom(styles.body);
        money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        sheet = workbook.createSheet(title.length() > 31 ? title.substring(0, 31) : title);
        Row titleRow = sheet.createRow(0);
        titleRow.setHeightInPoints(30);
        FormStyles.cell(titleRow, 0, reportingUnit + title, styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HazardListColumns.WIDTH - 1));
        Row unit = sheet.createRow(1);
        FormStyles.cell(unit, 0, "填报单位：" + office + "（盖章）", styles.plain);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 8));
        FormStyles.cell(unit, 9, "填报日期：" + today, styles.plain);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 9, 14));
        Row header = sheet.createRow(2);
        FormStyles.cell(header, 0, "序号", styles.header);
        sheet.setColumnWidth(0, 6 * 256);
        for (int c = 0; c < HazardListColumns.ALL.size(); c++) {
            HazardListColumns.Column column = HazardListColumns.ALL.get(c);
            FormStyles.cell(header, 1 + c, column.header(), styles.header);
            sheet.setColumnWidth(1 + c, column.width() * 256);
        }
        sheet.createFreezePane(0, FIRST_ROW);
    }

    @Override
    public void accept(HazardListRow hazard) {
        Row row = sheet.createRow(next);
        Cell number = row.createCell(0);
        number.setCellValue(next - FIRST_ROW + 1);
        number.setCellStyle(styles.body);
        for (int c = 0; c < HazardListColumns.ALL.size(); c++) {
            HazardListColumns.Column column = HazardListColumns.ALL.get(c);
            Object value = column.value().apply(hazard, today);
            Cell cell = row.createCell(1 + c);
            switch (value) {
                case null -> cell.setCellStyle(styles.body);
                case LocalDate day -> {
                    cell.setCellValue(day);
                    cell.setCellStyle(date);
                }
                case BigDecimal amount -> {
                    cell.setCellValue(amount.doubleValue());
                    cell.setCellStyle(money);
                }
                default -> {
                    cell.setCellValue(value.toString());
                    cell.setCellStyle(column.text() ? styles.text : styles.body);
                }
            }
        }
        next++;
    }

    void finish(OutputStream out) throws IOException {
        finish(out, "");
    }

    /** With the name of who filled it in (a submitted report's signer). */
    void finish(OutputStream out, String filledBy) throws IOException {
        Row signatures = sheet.createRow(next + 1);
        FormStyles.cell(signatures, 0, "填报人：" + (filledBy == null ? "" : filledBy), styles.plain);
        FormStyles.cell(signatures, 6, "审核人：", styles.plain);
        FormStyles.cell(signatures, 12, "联系电话：", styles.plain);
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.close(); // also deletes the temporary files
    }
}
