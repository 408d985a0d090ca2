package com.civilsafety.ledger.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.testsupport.AllAtOnce;
import com.civilsafety.ledger.testsupport.DemoActors;
import com.civilsafety.ledger.common.SheetImport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;

/**
 * A 《清单》 imported twice goes on the books once: each row is answered — imported, already there (the same
 * institution, 判定依据, description and found date), or refused with its row and column named in Chinese.
 */
@SpringBootTest
class HazardImportTest {
    @Autowired
    HazardImport hazardImport;
    @Autowired
    HazardService hazards;
    @Autowired
    InstitutionRepository institutions;
    @Autowired
    DemoActors actors;
    @Autowired
    Clock clock;

    Actor township;
    String home;
    LocalDate today;
    /** Text no other test writes: what this test imported is found by it. */
    String mark;

    @BeforeEach
    void setUp() {
        township = actors.get("town1");
        home = institutions.findById(actors.get("inst001").institutionId()).orElseThrow().getName();
        today = LedgerTime.today(clock);
        mark = "导入" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void theSameListImportedTwiceIsStoredOnce() {
        List<SheetImport.Row> list = List.of(
                row(3, home, mark + "厨房燃气管道老化", "厨房", "GEN-FIRE", "部门检查", today.toString()),
                row(4, home, mark + "安全出口指示灯损坏", "二楼", "GEN-FIRE", "督导检查", today.minusDays(2).toString()));

        SheetImport.Result<HazardImport.RowResult> first = hazardImport.importAll(list, township);
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.rows()).extracting(HazardImport.RowResult::outcome).containsOnly(SheetImport.Outcome.CREATED);
        assertThat(first.rows()).allSatisfy(r -> assertThat(r.hazardCode()).matches("YH\\d{4}-\\d{6}"));
        assertThat(marked()).hasSize(2);

        // the same file again, one cell of a column outside the key corrected: nothing new, each row says why
        List<SheetImport.Row> again = List.of(list.get(0), row(4, home, mark + "安全出口指示灯损坏", "二楼楼梯口", "GEN-FIRE", "督导检查",
                today.minusDays(2).toString()));
        SheetImport.Result<HazardImport.RowResult> second = hazardImport.importAll(again, township);
        assertThat(second.created()).isZero();
        assertThat(second.skipped()).isEqualTo(2);
        assertThat(second.rows()).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(SheetImport.Outcome.DUPLICATE);
            assertThat(r.outcomeLabel()).isEqualTo("已存在，未重复导入");
            assertThat(r.messages()).singleElement().asString().contains("台账中已有这条隐患");
        });
        assertThat(second.rows()).extracting(HazardImport.RowResult::hazardId)
                .containsExactlyElementsOf(first.rows().stream().map(HazardImport.RowResult::hazardId).toList());
        assertThat(marked()).hasSize(2);
    }

    @Test
    void aRowRepeatedInTheFileIsImportedOnceAndBlanksAroundTheDescriptionMakeNoNewHazard() {
        SheetImport.Result<HazardImport.RowResult> result = hazardImport.importAll(List.of(
                row(3, home, mark + "楼梯间堆放纸箱", "", "GEN-FIRE", "机构自查", today.toString()),
                row(4, home, "  " + mark + "楼梯间堆放纸箱 ", "", "GEN-FIRE", "机构自查", today.toString())), township);
        assertThat(result.rows()).extracting(HazardImport.RowResult::outcome)
                .containsExactly(SheetImport.Outcome.CREATED, SheetImport.Outcome.DUPLICATE);
        assertThat(result.rows().get(1).messages()).containsExactly("与第3行是同一条隐患，未重复导入");
        assertThat(result.rows().get(1).hazardId()).isEqualTo(result.rows().get(0).hazardId());
        assertThat(marked()).hasSize(1);
    }

    @Test
    void goodRowsGoInBadOnesAreNamedByRowAndColumnAndACorrectedFileAddsOnlyThem() {
        String slashes = today.format(DateTimeFormatter.ofPattern("yyyy/M/d"));
        List<SheetImport.Row> list = List.of(
                row(3, home, mark + "配电箱未上锁", "一楼", "GEN-FIRE", "部门检查", slashes), // a date as people type it
                row(4, home, mark + "灭火器过期", "三楼", "NO-SUCH-ITEM", "路过看到", "2026/13/01", "也许"));
        SheetImport.Result<HazardImport.RowResult> result = hazardImport.importAll(list, township);
        assertThat(result.created()).isEqualTo(1);
        assertThat(result.refused()).isEqualTo(1);
        HazardImport.RowResult refused = result.rows().get(1);
        assertThat(refused.outcomeLabel()).isEqualTo("未导入");
        assertThat(refused.hazardId()).isNull();
        assertThat(refused.messages()).containsExactly(
                "第4行「发现方式」无法识别“路过看到”，应为机构自查、部门检查、督导检查、专家勘察、第三方评估、视频巡查、举报之一",
                "第4行「发现日期」应为日期，如 " + today + "（现为“2026/13/01”）",
                "第4行「是否危及服务对象」应填“是”或“否”（现为“也许”）");
        assertThat(String.join("", refused.messages())).doesNotContain("yyyy");

        SheetImport.Result<HazardImport.RowResult> corrected = hazardImport.importAll(List.of(list.get(0),
                row(4, home, mark + "灭火器过期", "三楼", "GEN-FIRE", "部门检查", today.toString(), "否")), township);
        assertThat(corrected.rows()).extracting(HazardImport.RowResult::outcome)
                .containsExactly(SheetImport.Outcome.DUPLICATE, SheetImport.Outcome.CREATED);
        assertThat(marked()).hasSize(2);
    }

    @Test
    void aFileOfWhichNothingGoesInIsRefusedWithEveryRowsAnswer() {
        assertThatThrownBy(() -> hazardImport.importAll(List.of(
                row(3, "不存在的机构", mark + "x", "", "GEN-FIRE", "部门检查", today.toString()),
                row(5, home, "", "", "GEN-FIRE", "部门检查", today.plusDays(3).toString())), township))
                .isInstanceOfSatisfying(SheetImport.RejectedException.class, e -> {
                    assertThat(e.errors()).extracting(SheetImport.RowError::message).containsExactly(
                            "第3行「机构名称」找不到“不存在的机构”，或该机构不在您的辖区内",
                            "第5行「隐患描述」：隐患描述不能为空");
                    List<HazardImport.RowResult> rows = e.rows().stream().map(HazardImport.RowResult.class::cast).toList();
                    assertThat(rows).extracting(HazardImport.RowResult::row).containsExactly(3, 5);
                    assertThat(rows).extracting(HazardImport.RowResult::outcome).containsOnly(SheetImport.Outcome.REFUSED);
                });
        assertThatThrownBy(() -> hazardImport.importAll(List.of(
                row(3, home, mark + "屋顶漏水", "", "GEN-BUILDING", "部门检查", today.plusDays(1).toString())), township))
                .isInstanceOfSatisfying(SheetImport.RejectedException.class, e -> assertThat(e.errors())
                        .extracting(SheetImport.RowError::message).containsExactly("第3行「发现日期」：发现日期不能晚于今天"));
        assertThat(marked()).isEmpty();
    }

    /** Two uploads of the same file at once (a double click): one stores the rows, the other finds them. */
    @Test
    void twoUploadsOfTheSameFileAtOnceStoreItOnce() throws Exception {
        List<SheetImport.Row> list = List.of(row(3, home, mark + "消防水带破损", "", "GEN-FIRE", "部门检查", today.toString()),
                row(4, home, mark + "应急照明失效", "", "GEN-FIRE", "部门检查", today.toString()));
        List<SheetImport.Result<HazardImport.RowResult>> both = AllAtOnce.send(2, i -> hazardImport.importAll(list, township));
        assertThat(both.stream().mapToLong(SheetImport.Result::created).sum()).isEqualTo(2);
        assertThat(marked()).hasSize(2);
    }

    private static SheetImport.Row row(int number, String... cells) {
        return new SheetImport.Row(number, Arrays.asList(cells));
    }

    /** The hazards on the books that this test imported. */
    private List<Hazard> marked() {
        HazardQuery query = new HazardQuery(null, null, null, null, null, null, null, null, null, null, mark, null, null, null, null);
        return hazards.search(query, actors.get("fuli"), PageRequest.of(0, 100)).getContent();
    }
}
