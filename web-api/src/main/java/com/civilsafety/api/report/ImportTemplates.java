package com.civilsafety.api.report;

import com.civilsafety.ledger.common.SheetImport;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * What every import template has: the sheet people fill (a title, the header row with * on required columns, frozen
 * below it), drop-down lists where a column takes one of a few values, and a 填写说明 sheet naming each column. Read
 * back by {@link SheetFile} with the same {@link SheetFile.Layout}.
 */
final class ImportTemplates {
    private ImportTemplates() {
    }

    /** The sheet to fill; {@code widths}: each column's width in characters. */
    static Sheet dataSheet(Workbook workbook, FormStyles styles, SheetFile.Layout layout, String title, int[] widths) {
        Sheet sheet = workbook.createSheet(layout.sheet());
        List<SheetImport.Column> columns = layout.columns();
        FormStyles.cell(sheet.createRow(0), 0, title, styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
        Row header = sheet.createRow(layout.headerRow());
        for (int c = 0; c < columns.size(); c++) {
            SheetImport.Column column = columns.get(c);
            FormStyles.cell(header, c, column.header() + (column.required() ? "*" : ""), styles.header);
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, layout.headerRow() + 1);
        return sheet;
    }

    /** A drop-down of the values on the column's data rows. */
    static void choices(Sheet sheet, SheetFile.Layout layout, int column, String... values) {
        DataValidationHelper validations = sheet.getDataValidationHelper();
        sheet.addValidationData(validations.createValidation(validations.createExplicitListConstraint(values),
                new CellRangeAddressList(layout.headerRow() + 1, layout.headerRow() + layout.maxRows(), column, column)));
    }

    /** The column's data rows formatted as text: a code or a phone number typed in stays as typed (no 1.38E+10). */
    static void textColumn(Workbook workbook, Sheet sheet, int column) {
        CellStyle text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        sheet.setDefaultColumnStyle(column, text);
    }

    /** 填写说明: each column, whether it is required, its hint; then the import's rule in a sentence. */
    static void helpSheet(Workbook workbook, FormStyles styles, SheetFile.Layout layout, String rule) {
        Sheet help = workbook.createSheet("填写说明");
        Row top = help.createRow(0);
        FormStyles.cell(top, 0, "列", styles.header);
        FormStyles.cell(top, 1, "必填", styles.header);
        FormStyles.cell(top, 2, "说明", styles.header);
        List<SheetImport.Column> columns = layout.columns();
        for (int c = 0; c < columns.size(); c++) {
            SheetImport.Column column = columns.get(c);
            Row row = help.createRow(c + 1);
            FormStyles.cell(row, 0, column.header(), styles.body);
            FormStyles.cell(row, 1, column.required() ? "是" : "否", styles.body);
            FormStyles.cell(row, 2, column.hint(), styles.text);
        }
        FormStyles.cell(help.createRow(columns.size() + 2), 0, rule, styles.plain);
        help.setColumnWidth(0, 18 * 256);
        help.setColumnWidth(2, 60 * 256);
    }
}
