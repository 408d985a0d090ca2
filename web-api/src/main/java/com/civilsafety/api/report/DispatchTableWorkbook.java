package com.civilsafety.api.report;

import com.civilsafety.ledger.common.RectificationRate;
import com.civilsafety.ledger.statistics.SafetyFigures;
import com.civilsafety.ledger.statistics.StatisticsReport;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 《调度表》 in the layout of the county forms: a title over the whole width, the reporting unit and period, two header
 * rows (发现隐患数, 挂牌督办 and 举报奖励 spanning their parts), one row per township (and 直属机构), a 合计 row, and the lines for 填报人, 审核人
 * and the date. Figures are those of docs/statistics.md; written with the streaming workbook.
 */
final class DispatchTableWorkbook {
    /**
     * The columns after 序号 and 乡镇: group header (null: spans both header rows), column header, figure (a count, an
     * amount, or a text such as the rate).
     */
    private record Column(String group, String header, Function<SafetyFigures, Object> figure) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column(null, "排查机构数", SafetyFigures::institutionsChecked),
            new Column(null, "检查组数", SafetyFigures::inspectionGroups),
            new Column(null, "检查次数", SafetyFigures::inspections),
            new Column("发现隐患数", "合计", SafetyFigures::hazardsFound),
            new Column("发现隐患数", "机构自查", SafetyFigures::foundBySelfCheck),
            new Column("发现隐患数", "部门检查", SafetyFigures::foundByDepartmentCheck),
            new Column("发现隐患数", "专家诊断", SafetyFigures::foundByExpert),
            new Column("发现隐患数", "其他方式", SafetyFigures::foundOtherwise),
            new Column(null, "其中重大", SafetyFigures::major),
            new Column(null, "已整改数", SafetyFigures::rectified),
            new Column(null, "未整改数", SafetyFigures::unrectified),
            new Column(null, "整改率", f -> RectificationRate.format(f.rectificationRate())),
            new Column(null, "逾期数", SafetyFigures::overdue),
            new Column("挂牌督办", "总数", SafetyFigures::listedSupervision),
            new Column("挂牌督办", "已销号", SafetyFigures::listedSupervisionClosed),
            new Column(null, "举报数", SafetyFigures::whistleblowerReports),
            new Column("举报奖励", "人次", SafetyFigures::rewardsGranted),
            new Column("举报奖励", "金额（元）", SafetyFigures::rewardAmount),
            new Column(null, "帮扶指导次数", SafetyFigures::helpVisits));
    static final int WIDTH = 2 + COLUMNS.size();

    private DispatchTableWorkbook() {
    }

    /** The office that fills the form in: a township's 民政办, a county's (or city's) 民政局. */
    static String office(String unit, boolean township) {
        return unit + (township ? "民政办" : "民政局");
    }

    static void write(StatisticsReport report, String reportingUnit, String office, LocalDate filledOn, OutputStream out)
            throws IOException {
        write(report, reportingUnit, office, filledOn, List.of(), "", out);
    }

    /** With remarks under the table (corrections and their reasons, the reporter's notes) and the signer's name. */
    static void write(StatisticsReport report, String reportingUnit, String office, LocalDate filledOn, List<String> remarks,
                      String filledBy, OutputStream out) throws IOException {
        write(report, reportingUnit, "", "乡镇", office, filledOn, remarks, filledBy, out);
    }

    /**
     * {@code period}: what the title names after the unit (2027年第23周 周调度), or nothing; {@code rowHeader}: what the
     * rows are (乡镇, or 填报单位 for an institution's own report).
     */
    static void write(StatisticsReport report, String reportingUnit, String period, String rowHeader, String office,
                      LocalDate filledOn, List<String> remarks, String filledBy, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            FormStyles styles = new FormStyles(workbook);
            Sheet sheet = workbook.createSheet("调度表");
            int r = 0;
            Row title = sheet.createRow(r++);
            title.setHeightInPoints(30);
            FormStyles.cell(title, 0, reportingUnit + period + "民政服务机构重大事故隐患专项排查整治调度表", styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, WIDTH - 1));
            Row unit = sheet.createRow(r++);
            FormStyles.cell(unit, 0, "填报单位：" + office + "（盖章）", styles.plain);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 6));
            FormStyles.cell(unit, 7, "统计区间：" + report.from() + " 至 " + report.to()
                    + (report.overdueOn() == null || report.overdueOn().equals(report.to()) ? ""
                    : "（逾期数截至 " + report.overdueOn() + "）"), styles.plain);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 7, WIDTH - 1));

            Row groups = sheet.createRow(r++);
            Row headers = sheet.createRow(r++);
            header(sheet, groups, headers, 0, null, "序号", styles);
            header(sheet, groups, headers, 1, null, rowHeader, styles);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header(sheet, groups, headers, 2 + c, COLUMNS.get(c).group(), COLUMNS.get(c).header(), styles);
            }
            merge(sheet, groups, "发现隐患数");
            merge(sheet, groups, "挂牌督办");
            merge(sheet, groups, "举报奖励");

            int number = 1;
            for (StatisticsReport.Row row : report.rows()) {
                figures(sheet.createRow(r++), number++, row.label(), row.figures(), styles);
            }
            figures(sheet.createRow(r++), null, "合计", report.total(), styles);

            for (String remark : remarks) {
                Row line = sheet.createRow(r);
                FormStyles.cell(line, 0, remark, styles.plain);
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, WIDTH - 1));
                r++;
            }
            r++;
            Row signatures = sheet.createRow(r);
            FormStyles.cell(signatures, 0, "填报人：" + filledBy, styles.plain);
            FormStyles.cell(signatures, 4, "审核人：", styles.plain);
            FormStyles.cell(signatures, 8, "填报日期：" + filledOn, styles.plain);
            sheet.setColumnWidth(1, 16 * 256);
            for (int c = 2; c < WIDTH; c++) {
                sheet.setColumnWidth(c, 11 * 256);
            }
            workbook.write(out);
        }
    }

    /** A row of figures; {@code number} its 序号 (a number, so that the sheet sorts and counts it), none for 合计. */
    private static void figures(Row row, Integer number, String label, SafetyFigures figures, FormStyles styles) {
        if (number == null) {
            FormStyles.cell(row, 0, "", styles.body);
        } else {
            Cell cell = row.createCell(0);
            cell.setCellValue(number);
            cell.setCellStyle(styles.body);
        }
        FormStyles.cell(row, 1, label, styles.body);
        for (int c = 0; c < COLUMNS.size(); c++) {
            Object value = COLUMNS.get(c).figure().apply(figures);
            if (value instanceof Number count) {
                Cell cell = row.createCell(2 + c);
                cell.setCellValue(count.doubleValue());
                cell.setCellStyle(styles.body);
            } else {
                FormStyles.cell(row, 2 + c, String.valueOf(value), styles.body);
            }
        }
    }

    /** A column header: under its group, or spanning both header rows when it has none. */
    private static void header(Sheet sheet, Row groups, Row headers, int column, String group, String header, FormStyles styles) {
        if (group == null) {
            FormStyles.cell(groups, column, header, styles.header);
            FormStyles.cell(headers, column, "", styles.header);
            sheet.addMergedRegion(new CellRangeAddress(groups.getRowNum(), headers.getRowNum(), column, column));
        } else {
            FormStyles.cell(groups, column, group, styles.header);
            FormStyles.cell(headers, column, header, styles.header);
        }
    }

    /** Merges a group's cells in the upper header row. */
    private static void merge(Sheet sheet, Row groups, String group) {
        int first = -1;
        int last = -1;
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (group.equals(COLUMNS.get(c).group())) {
                first = first < 0 ? 2 + c : first;
                last = 2 + c;
            }
        }
        sheet.addMergedRegion(new CellRangeAddress(groups.getRowNum(), groups.getRowNum(), first, last));
    }

}
