package com.civilsafety.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The statistics API: figures in the caller's scope, grouped as asked, bad input named; the definitions are tested in ledger/. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatisticsApiTest {
    @Autowired
    TestRestTemplate rest;

    Api api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        today = api.today();
    }

    @Test
    void aTownshipSeesItsOwnFiguresByInstitutionType() {
        Api.Reply reply = api.get("town1", "/api/statistics?groupBy=INSTITUTION_TYPE&from=" + today.minusYears(1) + "&to=" + today);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode total = reply.body().path("total");
        assertThat(total.has("hazardsFound")).isTrue();
        assertThat(total.has("rectificationRate")).isTrue();
        long sum = 0;
        for (JsonNode row : reply.body().path("rows")) {
            assertThat(row.path("label").asText()).isNotBlank();
            sum += row.path("figures").path("hazardsFound").asLong();
        }
        assertThat(sum).isEqualTo(total.path("hazardsFound").asLong());
        Api.Reply county = api.get("fuli", "/api/statistics?from=" + today.minusYears(1));
        assertThat(county.body().path("total").path("hazardsFound").asLong()).isGreaterThanOrEqualTo(total.path("hazardsFound").asLong());

        Api.Reply monthly = api.get("fuli", "/api/statistics/monthly?from=2026-01-01&to=2026-12-31");
        assertThat(monthly.status()).isEqualTo(200);
        assertThat(monthly.body().path("months")).hasSize(12);

        String window = "from=" + today.minusYears(1) + "&to=" + today;
        Api.Reply categories = api.get("fuli", "/api/statistics/categories?" + window);
        assertThat(categories.status()).isEqualTo(200);
        long byCategory = 0;
        for (JsonNode category : categories.body().path("categories")) {
            assertThat(category.path("label").asText()).isNotBlank();
            byCategory += category.path("hazardsFound").asLong();
        }
        assertThat(byCategory).isEqualTo(api.get("fuli", "/api/statistics?" + window).body().path("total").path("hazardsFound").asLong());
    }

    @Test
    void theDispatchTableIsAnExcelFileInTheFormsLayoutWithTheSameFigures() throws IOException {
        String window = "from=" + today.minusYears(1) + "&to=" + today;
        JsonNode figures = api.get("fuli", "/api/statistics?groupBy=REGION&" + window).body();
        ResponseEntity<byte[]> file = api.download("fuli", "/api/reports/dispatch-table.xlsx?" + window);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getHeaders().getContentDisposition().getFilename()).startsWith("安澜县调度表").endsWith(".xlsx");

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
            Sheet sheet = workbook.getSheet("调度表");
            assertThat(text(sheet, 0, 0)).isEqualTo("安澜县民政服务机构重大事故隐患专项排查整治调度表");
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 20), new CellRangeAddress(2, 2, 5, 9),
                    new CellRangeAddress(2, 3, 1, 1), new CellRangeAddress(2, 2, 18, 19));
            assertThat(text(sheet, 1, 0)).isEqualTo("填报单位：安澜县民政局（盖章）");
            assertThat(text(sheet, 2, 3)).isEqualTo("检查组数");
            assertThat(text(sheet, 2, 5)).isEqualTo("发现隐患数");
            assertThat(text(sheet, 3, 6)).isEqualTo("机构自查");
            assertThat(text(sheet, 3, 8)).isEqualTo("专家诊断");
            assertThat(text(sheet, 2, 12)).isEqualTo("未整改数");
            assertThat(text(sheet, 2, 13)).isEqualTo("整改率");
            assertThat(text(sheet, 2, 18)).isEqualTo("举报奖励");
            // every township of the county has its row, records or not, in administrative-code order
            JsonNode townships = api.get("fuli", "/api/regions").body();
            List<JsonNode> inScope = new ArrayList<>();
            townships.forEach(r -> {
                if (r.path("level").asText().equals("TOWNSHIP")) {
                    inScope.add(r);
                }
            });
            List<String> names = inScope.stream().sorted(Comparator.comparing(r -> r.path("code").asText()))
                    .map(r -> r.path("name").asText()).toList();
            int rows = figures.path("rows").size();
            assertThat(rows).isEqualTo(names.size());
            for (int i = 0; i < rows; i++) {
                JsonNode row = figures.path("rows").get(i);
                assertThat(text(sheet, 4 + i, 1)).isEqualTo(row.path("label").asText()).isEqualTo(names.get(i));
                assertThat((long) sheet.getRow(4 + i).getCell(5).getNumericCellValue())
                        .isEqualTo(row.path("figures").path("hazardsFound").asLong());
                assertThat((long) sheet.getRow(4 + i).getCell(12).getNumericCellValue())
                        .isEqualTo(row.path("figures").path("unrectified").asLong());
            }
            Row total = sheet.getRow(4 + rows);
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("合计");
            assertThat((long) total.getCell(5).getNumericCellValue()).isEqualTo(figures.path("total").path("hazardsFound").asLong());
            assertThat((long) total.getCell(14).getNumericCellValue()).isEqualTo(figures.path("total").path("overdue").asLong());
            assertThat(text(sheet, 6 + rows, 0)).isEqualTo("填报人：");
        }
        // a township's table has its own row only
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                api.download("town1", "/api/reports/dispatch-table.xlsx?" + window).getBody()))) {
            assertThat(text(workbook.getSheetAt(0), 0, 0)).startsWith("城关镇");
            assertThat(text(workbook.getSheetAt(0), 1, 0)).isEqualTo("填报单位：城关镇民政办（盖章）");
            assertThat(workbook.getSheetAt(0).getRow(4).getCell(0).getNumericCellValue()).as("序号").isEqualTo(1.0);
            assertThat(text(workbook.getSheetAt(0), 4, 1)).isEqualTo("城关镇");
            assertThat(text(workbook.getSheetAt(0), 5, 1)).isEqualTo("合计");
        }
        assertThat(api.get("fuli", "/api/reports/dispatch-table.xlsx?from=2026-05-01&to=2026-04-01").status()).isEqualTo(400);
    }

    @Test
    void aHelpVisitIsRecordedWithinScopeAndCounted() {
        String todayOnly = "from=" + today + "&to=" + today;
        long before = api.get("town1", "/api/statistics?" + todayOnly).body().path("total").path("helpVisits").asLong();
        long institution = api.get("inst001", "/api/institutions").body().path("items").get(0).path("id").asLong();
        String visit = """
                {"institutionId": %d, "visitedOn": "%s", "visitors": "城关镇民政办 周敏", "content": "指导消防通道整改"}""";
        Api.Reply recorded = api.post("town1", "/api/help-visits", visit.formatted(institution, today));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        assertThat(api.get("town1", "/api/statistics?" + todayOnly).body().path("total").path("helpVisits").asLong()).isEqualTo(before + 1);
        assertThat(api.get("inst001", "/api/institutions/" + institution + "/help-visits").body()).isNotEmpty();

        assertField(api.post("town1", "/api/help-visits", visit.formatted(institution, today.plusDays(1))), "visitedOn");
        assertField(api.post("town2", "/api/help-visits", visit.formatted(institution, today)), "institutionId");
        assertField(api.post("town1", "/api/help-visits", "{\"institutionId\": %d}".formatted(institution)), "visitors");
        assertThat(api.post("inst001", "/api/help-visits", visit.formatted(institution, today)).status()).isEqualTo(403);
    }

    private static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }

    @Test
    void badInputIsNamedAndInstitutionsSeeNoRegionalFigures() {
        assertField(api.get("fuli", "/api/statistics?groupBy=TOWN"), "groupBy");
        assertField(api.get("fuli", "/api/statistics?from=2026-13-01"), "from");
        assertField(api.get("fuli", "/api/statistics?from=2026-05-01&to=2026-04-01"), "to");
        assertField(api.get("town1", "/api/statistics?regionId=1"), "regionId");
        assertThat(api.get("inst001", "/api/statistics").status()).isEqualTo(403);
        // the 清单 exports check their filters before the first byte is written
        assertField(api.get("fuli", "/api/reports/hazard-list.xlsx?grade=HUGE"), "grade");
        assertField(api.get("fuli", "/api/reports/hazard-list.csv?foundFrom=yesterday"), "foundFrom");
        assertField(api.get("fuli", "/api/reports/hazard-list?foundFrom=2026-05-01&foundTo=2026-04-01"), "foundFrom");
        assertField(api.get("town1", "/api/reports/hazard-list.xlsx?regionId=999999"), "regionId");
        assertField(api.get("fuli", "/api/hazards?status=GONE"), "status");
    }

    private static void assertField(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.fieldErrors().toString()).contains("\"" + field + "\"");
    }
}
