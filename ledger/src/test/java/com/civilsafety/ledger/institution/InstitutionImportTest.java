package com.civilsafety.ledger.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.SheetImport;
import com.civilsafety.ledger.common.SheetImport.Outcome;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.testsupport.DemoActors;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The 机构台账 imported from Excel: each row registered by the register's own rules, a file imported twice registers
 * once, every refused row says its row and column, and a township officer imports only into his township.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:institution-import;DB_CLOSE_DELAY=-1") // its registrations stay its own
class InstitutionImportTest {
    @Autowired
    InstitutionImport institutionImport;
    @Autowired
    InstitutionRepository institutions;
    @Autowired
    EventLog eventLog;
    @Autowired
    DemoActors actors;

    Actor bureau;
    /** A prefix no other test writes: the codes and names this test registers. */
    String mark;

    @BeforeEach
    void setUp() {
        bureau = actors.get("admin");
        mark = "IMP" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    @Test
    void aRegisterImportedTwiceRegistersOnceWithHistory() {
        List<SheetImport.Row> file = List.of(
                row(3, mark + "-1", mark + "东山颐养院", "养老机构", "东山镇", "东山镇大街1号", "80", "王建国", "13800000001", "", ""),
                row(4, mark + "-2", mark + "县救助站", "救助管理机构", "县局直属", "", "", "", "", "", ""),
                row(5, mark + "-3", mark + "城关儿童之家", "儿童福利机构", "城关镇", "", "12", "", "", "李芳", "0563-8164609"));

        SheetImport.Result<InstitutionImport.RowResult> first = institutionImport.importAll(file, bureau);
        assertThat(first.created()).isEqualTo(3);
        Institution careHome = institutions.findByCode(mark + "-1").orElseThrow();
        assertThat(careHome.getName()).isEqualTo(mark + "东山颐养院");
        assertThat(careHome.getRegion().getName()).isEqualTo("东山镇");
        assertThat(careHome.getCapacity()).isEqualTo(80);
        assertThat(careHome.getPrincipalPhone()).isEqualTo("13800000001");
        assertThat(institutions.findByCode(mark + "-2").orElseThrow().getRegion().unitName()).isEqualTo("安澜县直属机构");
        assertThat(institutions.findByCode(mark + "-3").orElseThrow().getSafetyOfficerName()).isEqualTo("李芳");
        assertThat(first.rows()).extracting(InstitutionImport.RowResult::institutionName)
                .containsExactly(mark + "东山颐养院", mark + "县救助站", mark + "城关儿童之家");
        // each registration is in the institution's history, with who and why
        assertThat(eventLog.of(InstitutionRegister.SUBJECT, careHome.getId())).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo(EventType.INSTITUTION_REGISTERED);
            assertThat(e.getActorName()).isEqualTo(bureau.displayName());
            assertThat(e.getPayload()).contains(InstitutionImport.REASON);
        });

        // the same file again, its code typed in lower case and an address corrected: nothing registered or changed
        List<SheetImport.Row> again = List.of(row(3, (mark + "-1").toLowerCase(), mark + "东山颐养院", "养老机构", "东山镇",
                "东山镇大街2号", "80", "", "", "", ""), file.get(1), file.get(2));
        SheetImport.Result<InstitutionImport.RowResult> second = institutionImport.importAll(again, bureau);
        assertThat(second.created()).isZero();
        assertThat(second.skipped()).isEqualTo(3);
        assertThat(second.rows()).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.DUPLICATE);
            assertThat(r.messages()).singleElement().asString().contains("机构台账中已有该机构");
        });
        assertThat(second.rows().getFirst().institutionId()).isEqualTo(careHome.getId());
        assertThat(institutions.findByCode(mark + "-1").orElseThrow().getAddress()).isEqualTo("东山镇大街1号");
        assertThat(eventLog.of(InstitutionRegister.SUBJECT, careHome.getId())).hasSize(1);
    }

    @Test
    void everyRefusedRowNamesItsRowAndColumnAndTheRestAreRegistered() {
        String taken = institutions.findById(actors.get("inst001").institutionId()).orElseThrow().getCode();
        List<SheetImport.Row> file = List.of(
                row(3, mark + "-1", mark + "好的养老院", "养老机构", "西河镇", "", "30", "", "", "", ""),
                row(4, "", mark + "无编号", "敬老院", "火星镇", "", "三十", "", "12", "", ""),
                row(5, taken, mark + "冒用编号", "养老机构", "西河镇", "", "", "", "", "", ""),
                row(6, mark + "-1", mark + "另一家", "养老机构", "西河镇", "", "", "", "", "", ""),
                row(7, mark + "-4", mark + "好的养老院", "养老机构", "西河镇", "", "", "", "", "", ""),
                row(8, mark + "-1", mark + "好的养老院", "养老机构", "西河镇", "", "", "", "", "", ""));

        SheetImport.Result<InstitutionImport.RowResult> result = institutionImport.importAll(file, bureau);

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.refused()).isEqualTo(4);
        List<String> row4 = result.rows().get(1).messages();
        assertThat(row4).containsExactlyInAnyOrder("第4行「机构编号」：机构编号不能为空",
                "第4行「机构类型」无法识别“敬老院”，应为养老机构、儿童福利机构、未成年人救助保护机构、救助管理机构、殡葬服务机构、婚姻登记机构之一",
                "第4行「所属乡镇」找不到“火星镇”，应为辖区内乡镇的名称（县局直属机构填“县局直属”）",
                "第4行「床位数」应为整数（现为“三十”）",
                "第4行「负责人电话」：电话号码应为至少7位数字（可含+、-和空格），如 0563-8164609 或 13800000000");
        assertThat(result.rows().get(2).messages()).singleElement().asString().startsWith("第5行「机构编号」：机构编号 " + taken + " 已登记为「");
        assertThat(result.rows().get(3).messages()).containsExactly("第6行「机构编号」与第3行的机构编号相同，但机构名称不同");
        assertThat(result.rows().get(4).messages()).containsExactly("第7行「机构名称」与第3行同名：同一乡镇内机构名称不能重复");
        assertThat(result.rows().get(5).outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(result.rows().get(5).messages()).containsExactly("与第3行是同一家机构（机构编号相同），未重复导入");
        assertThat(institutions.findByCode(mark + "-4")).isEmpty();
    }

    @Test
    void aFileOfOnlyRefusedRowsRegistersNothingAndSaysEveryProblem() {
        List<SheetImport.Row> file = List.of(row(3, mark + "-1", "", "养老机构", "东山镇", "", "", "", "", "", ""),
                row(4, mark + "-2", mark + "院", "养老机构", "东山镇", "", "-1", "", "", "", ""));

        assertThatThrownBy(() -> institutionImport.importAll(file, bureau)).isInstanceOfSatisfying(SheetImport.RejectedException.class, e -> {
            assertThat(e.errors()).extracting(SheetImport.RowError::message)
                    .containsExactly("第3行「机构名称」：机构名称不能为空", "第4行「床位数」：床位数不能为负数");
            assertThat(e.rows()).hasSize(2);
        });
        assertThat(institutions.findByCode(mark + "-2")).isEmpty();
        assertThatThrownBy(() -> institutionImport.importAll(List.of(), bureau)).isInstanceOfSatisfying(SheetImport.RejectedException.class,
                e -> assertThat(e.errors()).extracting(SheetImport.RowError::message).containsExactly("文件中没有机构数据"));
    }

    @Test
    void aTownshipOfficerImportsIntoHisTownshipOnly() {
        Actor town1 = actors.get("town1");
        String own = institutions.findById(actors.get("inst001").institutionId()).orElseThrow().getRegion().getName();
        List<SheetImport.Row> file = List.of(row(3, mark + "-1", mark + "本乡镇养老院", "养老机构", own, "", "", "", "", "", ""),
                row(4, mark + "-2", mark + "邻镇养老院", "养老机构", "东山镇", "", "", "", "", "", ""),
                row(5, mark + "-3", mark + "县直属", "养老机构", "县局直属", "", "", "", "", "", ""));

        SheetImport.Result<InstitutionImport.RowResult> result = institutionImport.importAll(file, town1);

        assertThat(result.rows()).extracting(InstitutionImport.RowResult::outcome)
                .containsExactly(Outcome.CREATED, Outcome.REFUSED, Outcome.REFUSED);
        assertThat(result.rows().get(1).messages()).containsExactly("第4行「所属乡镇」“东山镇”不在您的辖区内：乡镇民政办只能导入本乡镇（" + own + "）的机构");
        assertThat(result.rows().get(2).messages()).containsExactly("第5行「所属乡镇」“县局直属”不在您的辖区内：乡镇民政办只能导入本乡镇（" + own + "）的机构");
        assertThat(institutions.findByCode(mark + "-1").orElseThrow().getRegion().getName()).isEqualTo(own);
    }

    private static SheetImport.Row row(int number, String... cells) {
        return new SheetImport.Row(number, Arrays.asList(cells));
    }
}
