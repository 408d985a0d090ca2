package com.civilsafety.api.report;

import com.civilsafety.ledger.criterion.HazardCriterion;
import com.civilsafety.ledger.hazard.HazardImport;
import com.civilsafety.ledger.hazard.HazardSource;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 《隐患清单》 import template people fill offline: a title, the header row of {@link HazardImport#COLUMNS},
 * drop-down lists for 发现方式 and 是/否, a sheet of instructions and one of the 判定依据 items. A filled one is read
 * back by {@link HazardImportFile}.
 */
final class HazardImportWorkbook {
    static final String SHEET = "隐患清单";
    /** The header row's index; data starts on the row after it. */
    static final int HEADER_ROW = 1;

    private HazardImportWorkbook() {
    }

    static void template(List<HazardCriterion> criteria, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            FormStyles styles = new FormStyles(workbook);
            Sheet sheet = workbook.createSheet(SHEET);
            Row title = sheet.createRow(0);
            FormStyles.cell(title, 0, "隐患清单导入模板（表头请勿修改，自第3行起每行一条隐患）", styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HazardImport.COLUMNS.size() - 1));
            Row header = sheet.createRow(HEADER_ROW);
            for (int c = 0; c < HazardImport.COLUMNS.size(); c++) {
                HazardImport.Column column = HazardImport.COLUMNS.get(c);
                FormStyles.cell(header, c, column.header() + (column.required() ? "*" : ""), styles.header);
                sheet.setColumnWidth(c, (c == 1 || c == 8 ? 36 : 16) * 256);
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            DataValidationHelper validations = sheet.getDataValidationHelper();
            int last = HEADER_ROW + HazardImport.MAX_ROWS;
            String[] sources = Arrays.stream(HazardSource.values()).map(HazardSource::label).toArray(String[]::new);
            sheet.addValidationData(validations.createValidation(validations.createExplicitListConstraint(sources),
                    new CellRangeAddressList(HEADER_ROW + 1, last, 4, 4)));
            for (int c : new int[]{6, 7}) {
                sheet.addValidationData(validations.createValidation(
                        validations.createExplicitListConstraint(new String[]{"是", "否"}),
                        new CellRangeAddressList(HEADER_ROW + 1, last, c, c)));
            }

            Sheet help = workbook.createSheet("填写说明");
            FormStyles.cell(help.createRow(0), 0, "列", styles.header);
            FormStyles.cell(help.getRow(0), 1, "必填", styles.header);
            FormStyles.cell(help.getRow(0), 2, "说明", styles.header);
            for (int c = 0; c < HazardImport.COLUMNS.size(); c++) {
                HazardImport.Column column = HazardImport.COLUMNS.get(c);
                Row row = help.createRow(c + 1);
                FormStyles.cell(row, 0, column.header(), styles.body);
                FormStyles.cell(row, 1, column.required() ? "是" : "否", styles.body);
                FormStyles.cell(row, 2, column.hint(), styles.text);
            }
            Row rule = help.createRow(HazardImport.COLUMNS.size() + 2);
            FormStyles.cell(rule, 0, "每行单独校验：通过的行导入，有错误的行不导入，并列出出错的行和列。同一条隐患（机构、判定依据编号、隐患描述、发现日期都相同）不会重复登记，改正后可将整份文件重新导入。", styles.plain);
            help.setColumnWidth(0, 18 * 256);
            help.setColumnWidth(2, 60 * 256);

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
