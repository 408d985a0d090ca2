package com.civilsafety.api.report;

import com.civilsafety.ledger.institution.InstitutionImport;
import com.civilsafety.ledger.institution.InstitutionType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 机构台账 import template: the columns of {@link InstitutionImport#COLUMNS}, drop-down lists for 机构类型 and
 * 所属乡镇 (the downloader's townships, and 县局直属 for the bureau), codes and phones kept as text, and the 填写说明.
 */
final class InstitutionImportWorkbook {
    static final SheetFile.Layout LAYOUT = new SheetFile.Layout("机构台账", 1, InstitutionImport.COLUMNS, InstitutionImport.MAX_ROWS);

    private InstitutionImportWorkbook() {
    }

    /** {@code units}: what 所属乡镇 may say for the downloader — his townships, then 县局直属 where he keeps the county's. */
    static void template(List<String> units, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            FormStyles styles = new FormStyles(workbook);
            Sheet sheet = ImportTemplates.dataSheet(workbook, styles, LAYOUT, "机构台账导入模板（表头请勿修改，自第3行起每行一家机构）",
                    new int[]{24, 32, 20, 16, 36, 10, 12, 18, 12, 18});
            for (int c : new int[]{0, 7, 9}) {
                ImportTemplates.textColumn(workbook, sheet, c);
            }
            ImportTemplates.choices(sheet, LAYOUT, 2, Arrays.stream(InstitutionType.values()).map(InstitutionType::label).toArray(String[]::new));
            if (!units.isEmpty() && String.join(",", units).length() < 250) { // Excel's limit for a list written in place
                ImportTemplates.choices(sheet, LAYOUT, 3, units.toArray(String[]::new));
            }
            ImportTemplates.helpSheet(workbook, styles, LAYOUT, "每行单独校验：通过的行登记入台账，有错误的行不导入，并列出出错的行和列。"
                    + "机构编号已登记且名称相同的机构不会重复登记，也不会被修改（修改请在机构详情页办理变更登记）；改正后可将整份文件重新导入。");
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }
}
