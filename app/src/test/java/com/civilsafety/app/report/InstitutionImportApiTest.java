package com.civilsafety.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.DataValidation;
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

/**
 * The 机构台账 filled offline: the template (its townships offered as a list, codes and phones kept as text), and an
 * upload that registers its rows, each answered — for those who keep the register only.
 */
// the register's own database, shared with InstitutionRegisterTest (the same context): the county's other tests count
// its townships' institutions and expect no 直属机构
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:institution-register;DB_CLOSE_DELAY=-1", // institutions of its own
                "civil-safety.whistleblower.phone=0563-8164609", "civil-safety.notification.base-url=https://minzheng.example.cn/"})
class InstitutionImportApiTest {
    @Autowired
    TestRestTemplate rest;

    Api api;
    String mark;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        mark = "API" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    @Test
    void theTemplateOffersTheDownloadersTownshipsAndTheBureausOwn() throws IOException {
        try (Workbook workbook = template("fuli")) {
            Sheet sheet = workbook.getSheet("机构台账");
            assertThat(StreamSupport.stream(sheet.getRow(1).spliterator(), false).map(c -> c.getStringCellValue()).toList())
                    .containsExactly("机构编号*", "机构名称*", "机构类型*", "所属乡镇*", "地址", "床位数", "负责人", "负责人电话",
                            "安全管理员", "安全管理员电话");
            List<String> units = choicesOf(sheet, 3);
            assertThat(units.getFirst()).isEqualTo("城关镇");
            assertThat(units).contains("东山镇", "青松乡").endsWith("县局直属");
            assertThat(choicesOf(sheet, 2)).contains("养老机构", "婚姻登记机构");
            assertThat(workbook.getSheet("填写说明")).isNotNull();
        }
        try (Workbook workbook = template("town1")) {
            assertThat(choicesOf(workbook.getSheet("机构台账"), 3)).containsExactly("城关镇");
        }
    }

    @Test
    void aFilledTemplateRegistersItsRowsOnceAndANumberTypedPhoneStaysAsTyped() throws IOException {
        byte[] file = filled("fuli", List.of(
                List.of(mark + "-1", mark + "东山颐养院", "养老机构", "东山镇", "东山镇大街1号", "80", "王建国", "13800000001"),
                List.of(mark + "-2", mark + "县救助站", "救助管理机构", "县局直属", "", "", "", ""),
                List.of(mark + "-3", "", "养老机构", "火星镇", "", "", "", "")));

        Api.Reply reply = api.upload("fuli", "/api/reports/institution-import", "机构台账.xlsx", file);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body().path("created").asInt()).isEqualTo(2);
        List<JsonNode> rows = StreamSupport.stream(reply.body().path("rows").spliterator(), false).toList();
        assertThat(rows).extracting(r -> r.path("row").asInt() + ":" + r.path("outcomeLabel").asText())
                .containsExactly("3:已导入", "4:已导入", "5:未导入");
        assertThat(rows.get(2).path("messages").toString()).contains("第5行「机构名称」", "第5行「所属乡镇」");
        long id = rows.getFirst().path("institutionId").asLong();
        JsonNode registered = api.get("fuli", "/api/institutions/" + id).body();
        assertThat(registered.path("summary").path("name").asText()).isEqualTo(mark + "东山颐养院");
        assertThat(registered.path("summary").path("township").asText()).isEqualTo("东山镇");
        assertThat(registered.path("principalPhone").asText()).isEqualTo("13800000001");
        assertThat(api.get("fuli", "/api/institutions/" + id + "/history").body().get(0).path("reason").asText())
                .isEqualTo("由《机构台账》Excel导入");

        Api.Reply again = api.upload("fuli", "/api/reports/institution-import", "机构台账.xlsx", file);
        assertThat(again.status()).as("nothing registered, a row refused").isEqualTo(400);
        assertThat(again.body().path("rows").get(0).path("outcomeLabel").asText()).isEqualTo("已存在，未重复导入");
        assertThat(again.body().path("rows").get(0).path("institutionId").asLong()).isEqualTo(id);
    }

    @Test
    void onlyThoseWhoKeepTheRegisterImportIt() throws IOException {
        byte[] file = filled("fuli", List.of(List.of(mark + "-1", mark + "养老院", "养老机构", "城关镇", "", "", "", "")));
        for (String user : List.of("inst001", "inspector1", "leader")) {
            assertThat(api.upload(user, "/api/reports/institution-import", "机构台账.xlsx", file).status()).as(user).isEqualTo(403);
            assertThat(api.download(user, "/api/reports/institution-import/template.xlsx").getStatusCode().value()).as(user).isEqualTo(403);
        }
        // a township officer: his township's row registered; the hazard list's template is not the register's
        assertThat(api.upload("town1", "/api/reports/institution-import", "机构台账.xlsx", file).status()).isEqualTo(201);
        byte[] hazardTemplate = api.download("town1", "/api/reports/hazard-import/template.xlsx").getBody();
        Api.Reply wrong = api.upload("town1", "/api/reports/institution-import", "清单.xlsx", hazardTemplate);
        assertThat(wrong.status()).isEqualTo(415);
        assertThat(wrong.detail()).contains("文件中没有“机构台账”工作表");
    }

    private Workbook template(String user) throws IOException {
        ResponseEntity<byte[]> file = api.download(user, "/api/reports/institution-import/template.xlsx");
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(file.getBody()));
    }

    private static List<String> choicesOf(Sheet sheet, int column) {
        return sheet.getDataValidations().stream()
                .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == column)
                .map(DataValidation::getValidationConstraint).findFirst()
                .map(c -> List.of(c.getExplicitListValues())).orElse(List.of());
    }

    /** The template filled as a person would: texts typed, 床位数 and the phone as numbers. */
    private byte[] filled(String user, List<List<String>> rows) throws IOException {
        try (Workbook workbook = template(user)) {
            Sheet sheet = workbook.getSheet("机构台账");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(2 + r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if ((c == 5 || c == 7) && !value.isEmpty()) {
                        row.createCell(c).setCellValue(Double.parseDouble(value));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
