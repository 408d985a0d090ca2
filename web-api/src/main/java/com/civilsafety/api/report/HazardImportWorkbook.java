package com.civilsafety.api.report;

import com.civilsafety.ledger.criterion.HazardCriterion;
import com.civilsafety.ledger.hazard.HazardImport;
import com.civilsafety.ledger.hazard.HazardSource;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 《隐患清单》 import template people fill offline: a title, the header row of {@link HazardImport#COLUMNS},
 * drop-down lists for 发现方式 and 是/否, a sheet of instructions and one of the 判定依据 items. A filled one is read
 * back by {@link SheetFile}, as {@link #LAYOUT} says.
 */
final class HazardImportWorkbook {
    static final String SHEET = "隐患清单";
    /** The header row's index; data starts on the row after it. */
    static final int HEADER_ROW = 1;
    static final SheetFile.Layout LAYOUT = new SheetFile.Layout(SHEET, HEADER_ROW, HazardImport.COLUMNS, HazardImport.MAX_ROWS);

    private HazardImportWorkbook() {
    }

    static void template(List<HazardCriterion> criteria, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            FormStyles styles = new FormStyles(workbook);
            int[] widths = new int[HazardImport.COLUMNS.size()];
            Arrays.fill(widths, 16);
            widths[1] = 36;
            widths[8] = 36;
            Sheet sheet = ImportTemplates.dataSheet(workbook, styles, LAYOUT, "隐患清单导入模板（表头请勿修改，自第3行起每行一条隐患）", widths);
            ImportTemplates.choices(sheet, LAYOUT, 4, Arrays.stream(HazardSource.values()).map(HazardSource::label).toArray(String[]::new));
            ImportTemplates.choices(sheet, LAYOUT, 6, "是", "否");
            ImportTemplates.choices(sheet, LAYOUT, 7, "是", "否");
            ImportTemplates.helpSheet(workbook, styles, LAYOUT, "每行单独校验：通过的行导入，有错误的行不导入，并列出出错的行和列。同一条隐患（机构、判定依据编号、隐患描述、发现日期都相同）不会重复登记，改正后可将整份文件重新导入。");

            Sheet items = workbook.createSheet("判定依据");
            String[] headers = {"判定依据编号", "适用机构", "类别", "是否重大", "内容", "依据"};
            Row itemHeader = items.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                FormStyles.cell(itemHeader, c, headers[c], styles.header);
            }
            int r = 1;
            for (HazardCriterion criterion : criteria) {
                Row row = items.createRow(r++);
                FormStyles.cell(row, 0, criterion.getCode(), styles.body);
                FormStyles.cell(row, 1, criterion.getInstitutionType() == null ? "全部" : criterion.getInstitutionType().label(), styles.body);
                FormStyles.cell(row, 2, criterion.getCategory().label(), styles.body);
                FormStyles.cell(row, 3, criterion.isMajor() ? "是" : "否", styles.body);
                FormStyles.cell(row, 4, criterion.getText(), styles.text);
                FormStyles.cell(row, 5, (nullToEmpty(criterion.getStandard()) + " " + nullToEmpty(criterion.getArticle())).strip(), styles.text);
            }
            items.setColumnWidth(0, 16 * 256);
            items.setColumnWidth(4, 60 * 256);
            items.setColumnWidth(5, 30 * 256);
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
