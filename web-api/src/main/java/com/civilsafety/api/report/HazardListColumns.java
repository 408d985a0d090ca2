package com.civilsafety.api.report;

import com.civilsafety.ledger.hazard.HazardListRow;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/** The columns of the 《隐患清单》, in the county form's order, shared by the Excel and the CSV file. */
final class HazardListColumns {
    /** A column: its Chinese header, its width in characters, whether it holds long text, and its value on a day. */
    record Column(String header, int width, boolean text, BiFunction<HazardListRow, LocalDate, Object> value) {
    }

    static final List<Column> ALL = List.of(
            new Column("乡镇", 12, false, (r, d) -> r.township()),
            new Column("机构名称", 20, true, (r, d) -> r.institutionName()),
            new Column("机构类型", 12, false, (r, d) -> r.institutionType().label()),
            new Column("隐患编号", 14, false, (r, d) -> r.code()),
            new Column("隐患描述", 30, true, (r, d) -> r.description()),
            new Column("隐患部位", 14, true, (r, d) -> r.location()),
            new Column("判定依据", 24, true, (r, d) -> r.criterion()),
            new Column("类别", 10, false, (r, d) -> r.category().label()),
            new Column("隐患等级", 10, false, (r, d) -> r.grade() == null ? "待定级" : r.grade().label()),
            new Column("发现方式", 10, false, (r, d) -> r.source().label()),
            new Column("发现日期", 12, false, (r, d) -> r.foundOn()),
            new Column("责任单位", 16, true, (r, d) -> r.responsibleUnit()),
            new Column("责任人", 10, false, (r, d) -> r.responsiblePerson()),
            new Column("整改措施", 30, true, (r, d) -> r.measures()),
            new Column("整改资金（元）", 12, false, (r, d) -> r.funds()),
            new Column("整改时限", 12, false, (r, d) -> r.deadline()),
            new Column("临时管控措施", 24, true, (r, d) -> r.temporaryControls()),
            new Column("整改进展", 14, false, HazardListRow::progress),
            new Column("验收人", 14, false, (r, d) -> r.acceptedBy()),
            new Column("验收日期", 12, false, (r, d) -> r.acceptedOn()),
            new Column("是否挂牌督办", 10, false, (r, d) -> r.listedSupervision() ? "是" : "否"),
            new Column("销号日期", 12, false, (r, d) -> r.closedOn()));

    /** With 序号 in front. */
    static final int WIDTH = 1 + ALL.size();

    private HazardListColumns() {
    }
}
