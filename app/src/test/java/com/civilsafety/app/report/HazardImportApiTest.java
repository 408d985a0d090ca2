package com.civilsafety.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 《隐患清单》 filled offline: the template, and an upload that answers each row — imported, already on the books, or
 * refused with its row and column named — so that the same file uploaded twice goes in once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HazardImportApiTest {
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void theTemplateHasTheColumnsDropDownsAndTheCriteria() throws IOException {
        ResponseEntity<byte[]> file = api.download("town1", "/api/reports/hazard-import/template.xlsx");
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
            Sheet sheet = workbook.getSheet("隐患清单");
            assertThat(StreamSupport.stream(sheet.getRow(1).spliterator(), false).map(c -> c.getStringCellValue()).toList())
                    .containsExactly("机构名称*", "隐患描述*", "隐患部位", "判定依据编号*", "发现方式*", "发现日期*",
                            "是否危及服务对象", "是否立查立改", "现场整改情况");
            assertThat(sheet.getDataValidations()).hasSize(3);
            Sheet criteria = workbook.getSheet("判定依据");
            assertThat(StreamSupport.stream(criteria.spliterator(), false).map(r -> r.getCell(0).getStringCellValue()))
                    .contains("GEN-FIRE");
            assertThat(workbook.getSheet("填写说明")).isNotNull();
        }
    }

    @Test
    void goodRowsGoInBadOnesAreNamedByRowAndColumnAndTheSameFileTwiceAddsNothing() throws IOException {
        long before = hazards();
        String today = api.today().toString();
        byte[] file = filled(List.of(
                List.of("城关镇敬老院", "厨房燃气管道老化（导入两次）", "厨房", "GEN-FIRE", "部门检查", today, "否", "否", ""),
                List.of("东山镇敬老院", "配电箱未上锁", "一楼", "GEN-FIRE", "部门检查", today, "", "", ""),
                List.of("城关镇敬老院", "", "二楼", "NO-SUCH-ITEM", "路过看到", "2026/13/01", "也许", "", ""),
                List.of("康宁颐养院", "灭火器过期", "三楼", "GEN-FIRE", "机构自查", api.today().plusDays(3).toString(), "", "是", "")));
        Api.Reply reply = api.upload("town1", "/api/reports/hazard-import", "清单.xlsx", file);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body().path("created").asInt()).isEqualTo(1);
        assertThat(reply.body().path("refused").asInt()).isEqualTo(3);
        List<JsonNode> rows = StreamSupport.stream(reply.body().path("rows").spliterator(), false).toList();
        // the file's rows 3 to 6: imported; another township's institution; four bad cells in one row; a future date
        assertThat(rows).extracting(r -> r.path("row").asInt() + ":" + r.path("outcomeLabel").asText())
                .containsExactly("3:已导入", "4:未导入", "5:未导入", "6:未导入");
        String messages = rows.stream().map(r -> r.path("messages").toString()).reduce("", String::concat);
        assertThat(messages).contains("第4行「机构名称」", "第5行「隐患描述」", "第5行「发现方式」",
                "第5行「发现日期」应为日期，如 " + today, "第5行「是否危及服务对象」", "第6行「发现日期」").doesNotContain("yyyy");
        long imported = rows.getFirst().path("hazardId").asLong();
        assertThat(rows.getFirst().path("hazardCode").asText()).matches("YH\\d{4}-\\d{6}");
        assertThat(hazards()).isEqualTo(before + 1);

        // the same file again: the imported row is recognised, the others still refused; nothing went in, so 400
        Api.Reply again = api.upload("town1", "/api/reports/hazard-import", "清单.xlsx", file);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(400);
        assertThat(again.detail()).contains("未导入任何数据", "第4行「机构名称」", "第6行「发现日期」");
        JsonNode repeated = again.body().path("rows").get(0);
        assertThat(repeated.path("outcomeLabel").asText()).isEqualTo("已存在，未重复导入");
        assertThat(repeated.path("hazardId").asLong()).isEqualTo(imported);
        assertThat(StreamSupport.stream(again.body().path("rowErrors").spliterator(), false)
                .map(e -> e.path("row").asInt() + ":" + e.path("column").asText()).toList())
                .containsExactlyInAnyOrder("4:机构名称", "5:隐患描述", "5:发现方式", "5:发现日期", "5:是否危及服务对象", "6:发现日期");
        assertThat(hazards()).as("imported once").isEqualTo(before + 1);

        // 立查立改 without what was done on the spot: named too
        Api.Reply onSite = api.upload("town1", "/api/reports/hazard-import", "清单.xlsx", filled(List.of(
                List.of("康宁颐养院", "灭火器过期", "三楼", "GEN-FIRE", "机构自查", today, "", "是", ""))));
        assertThat(onSite.status()).isEqualTo(400);
        assertThat(onSite.body().path("rowErrors").get(0).path("column").asText()).isEqualTo("现场整改情况");
        assertThat(hazards()).isEqualTo(before + 1);
    }

    @Test
    void aGoodFileGoesOnTheBooksEveryHazardStartsItsLoopAndASecondUploadOnlyAnswers() throws IOException {
        long before = hazards();
        String today = api.today().toString();
        byte[] file = filled(List.of(
                List.of("城关镇敬老院", "导入：厨房燃气管道老化", "厨房", "GEN-FIRE", "部门检查", today, "是", "否", ""),
                List.of("康宁颐养院", "导入：安全出口指示灯损坏", "二楼", "GEN-FIRE", "督导检查", today, "", "是", "已当场更换")));
        Api.Reply reply = api.upload("town1", "/api/reports/hazard-import", "清单.xlsx", file);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body().path("created").asInt()).isEqualTo(2);
        assertThat(hazards()).isEqualTo(before + 2);
        List<Long> ids = StreamSupport.stream(reply.body().path("rows").spliterator(), false).map(r -> r.path("hazardId").asLong()).toList();
        for (long id : ids) {
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select process_instance_key from hazard where id = ?", Long.class, id) != null);
        }
        JsonNode hazard = api.get("town1", "/api/hazards/" + ids.get(1)).body();
        assertThat(hazard.path("township").asText()).isEqualTo("城关镇");
        assertThat(hazard.path("source").asText()).isEqualTo("SUPERVISION");

        Api.Reply second = api.upload("town1", "/api/reports/hazard-import", "清单.xlsx", file);
        assertThat(second.status()).as("nothing new, nothing wrong").isEqualTo(200);
        assertThat(second.body().path("created").asInt()).isZero();
        assertThat(second.body().path("skipped").asInt()).isEqualTo(2);
        assertThat(StreamSupport.stream(second.body().path("rows").spliterator(), false).map(r -> r.path("hazardId").asLong()).toList())
                .isEqualTo(ids);
        assertThat(hazards()).isEqualTo(before + 2);
    }

    @Test
    void aFileThatIsNotTheTemplateIsRefused() throws IOException {
        assertThat(api.upload("town1", "/api/reports/hazard-import", "清单.xlsx", "not a workbook".getBytes()).status()).isEqualTo(415);
        byte[] renamed;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                api.download("town1", "/api/reports/hazard-import/template.xlsx").getBody()))) {
            workbook.getSheet("隐患清单").getRow(1).getCell(5).setCellValue("日期");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            renamed = out.toByteArray();
        }
        Api.Reply reply = api.upload("town1", "/api/reports/hazard-import", "清单.xlsx", renamed);
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.detail()).contains("第 6 列应为“发现日期”");
        // an institution manager imports hazards of its own institution only
        Api.Reply other = api.upload("inst001", "/api/reports/hazard-import", "清单.xlsx", filled(List.of(
                List.of("城关镇敬老院", "x", "", "GEN-FIRE", "机构自查", api.today().toString(), "", "", ""))));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body().path("rowErrors").get(0).path("column").asText()).isEqualTo("机构名称");
    }

    /**
     * A zip bomb dressed as a workbook (a sheet of 200 MB of one byte, compressed to a few hundred KB) and a package
     * whose entry climbs out of it ("../../") are refused as unreadable, without unpacking them and without storing
     * anything.
     */
    @Test
    void zipBombsAndClimbingEntriesAreRefused() throws IOException {
        long before = jdbc.queryForObject("select count(*) from hazard", Long.class);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bomb)) {
            zip.setLevel(9);
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes());
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(block);
            }
        }
        assertThat(bomb.size()).as("small on the wire").isLessThan(1 << 20);
        Api.Reply exploded = api.upload("town1", "/api/reports/hazard-import", "清单.xlsx", bomb.toByteArray());
        assertThat(exploded.status()).as(exploded.body().toString()).isEqualTo(415);
        assertThat(exploded.detail()).contains("无法读取该 Excel 文件");

        ByteArrayOutputStream climbing = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(climbing)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("../../../tmp/civil-safety-climbed.xml"));
            zip.write("<x/>".getBytes());
        }
        Api.Reply climbed = api.upload("town1", "/api/reports/hazard-import", "../../清单.xlsx", climbing.toByteArray());
        assertThat(climbed.status()).as(climbed.body().toString()).isEqualTo(415);
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/civil-safety-climbed.xml"))).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from hazard", Long.class)).isEqualTo(before);
    }

    /**
     * What would take the memory or the time: a sheet that unpacks past 16 MB though it travels small (about 40:1, under
     * POI's own ratio check), more rows than an import takes, a cell longer than any field. Each is refused as the file
     * is read — the sheet before it is parsed, the rows as they stream by — and nothing is stored.
     */
    @Test
    void aSheetThatSwellsRunsLongOrHoldsAHugeCellIsRefusedWhileReading() throws IOException {
        long before = hazards();
        String today = api.today().toString();
        String description = "二楼消防通道堆放杂物".repeat(35);
        byte[] swelling = streamed(16_000, r -> List.of("城关镇敬老院", description, "", "GEN-FIRE", "部门检查", today));
        assertThat(swelling.length).as("small on the wire").isLessThan(5 * 1024 * 1024);
        Api.Reply swelled = api.upload("town1", "/api/reports/hazard-import", "清单.xlsx", swelling);
        assertThat(swelled.status()).as(swelled.body().toString()).isEqualTo(415);
        assertThat(swelled.detail()).contains("无法读取该 Excel 文件", "解压后内容过大");

        Api.Reply tooMany = api.upload("town1", "/api/reports/hazard-import", "清单.xlsx",
                streamed(2001, r -> List.of("城关镇敬老院", "灭火器过期" + r, "", "GEN-FIRE", "部门检查", today)));
        assertThat(tooMany.status()).isEqualTo(415);
        assertThat(tooMany.detail()).contains("一次最多导入 2000 行");

        Api.Reply huge = api.upload("town1", "/api/reports/hazard-import", "清单.xlsx",
                streamed(1, r -> List.of("城关镇敬老院", "长".repeat(5001), "", "GEN-FIRE", "部门检查", today)));
        assertThat(huge.status()).isEqualTo(415);
        assertThat(huge.detail()).contains("内容过长");
        assertThat(hazards()).isEqualTo(before);
    }

    /** The template with {@code count} rows from row 3, written as a stream (SXSSF) so that big ones build quickly. */
    private byte[] streamed(int count, java.util.function.IntFunction<List<String>> row) throws IOException {
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(
                api.download("town1", "/api/reports/hazard-import/template.xlsx").getBody()));
             org.apache.poi.xssf.streaming.SXSSFWorkbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(template, 100)) {
            Sheet sheet = workbook.getSheet("隐患清单");
            for (int r = 0; r < count; r++) {
                Row cells = sheet.createRow(2 + r);
                List<String> values = row.apply(r);
                for (int c = 0; c < values.size(); c++) {
                    cells.createCell(c).setCellValue(values.get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The downloaded template with the rows filled in from row 3. */
    private byte[] filled(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                api.download("town1", "/api/reports/hazard-import/template.xlsx").getBody()))) {
            Sheet sheet = workbook.getSheet("隐患清单");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(2 + r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private long hazards() {
        return jdbc.queryForObject("select count(*) from hazard", Long.class);
    }
}
