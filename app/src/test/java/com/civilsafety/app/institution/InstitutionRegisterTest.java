package com.civilsafety.app.institution;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register of institutions: the county bureau registers, changes and closes them (its townships' and its own,
 * 直属机构), a township officer registers and changes his own township's; every change is in the institution's history
 * with what it was, what it became and why; bad records are refused, naming the field, and change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:institution-register;DB_CLOSE_DELAY=-1", // institutions of its own
                "civil-safety.whistleblower.phone=0563-8164609", "civil-safety.notification.base-url=https://minzheng.example.cn/"})
class InstitutionRegisterTest {
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    long county;
    long chengguan;
    long dongshan;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        county = jdbc.queryForObject("select id from region where code = '990121'", Long.class);
        chengguan = jdbc.queryForObject("select region_id from person where username = 'town1'", Long.class);
        dongshan = jdbc.queryForObject("select region_id from person where username = 'town2'", Long.class);
    }

    private static String record(String code, String name, String type, long regionId, String extra) {
        return """
                {"code": "%s", "name": "%s", "type": "%s", "regionId": %d, "address": "城关镇人民路1号", "capacity": 60,
                 "principalName": "李院长", "principalPhone": "0563-1234567"%s}""".formatted(code, name, type, regionId, extra);
    }

    @Test
    void theBureauAndATownshipKeepTheRegisterWithItsHistory() {
        Api.Reply registered = api.post("fuli", "/api/institutions", record("ZC-001", "城关镇幸福里养老院", "ELDERLY_CARE", chengguan, ""));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        long id = registered.body().path("summary").path("id").asLong();
        assertThat(registered.body().path("summary").path("township").asText()).isEqualTo("城关镇");
        assertThat(registered.body().path("summary").path("statusLabel").asText()).isEqualTo("运营中");
        assertThat(names(api.get("town1", "/api/institutions?name=幸福里&size=50").body())).containsExactly("城关镇幸福里养老院");

        // 直属机构: registered at the county itself, listed as such
        Api.Reply direct = api.post("admin", "/api/institutions", record("ZC-002", "安澜县社会福利院分院", "CHILD_WELFARE", county, ""));
        assertThat(direct.status()).as(direct.body().toString()).isEqualTo(201);
        assertThat(direct.body().path("summary").path("township").asText()).isEqualTo("安澜县直属机构");

        // a township officer: his own township only
        assertThat(api.post("town1", "/api/institutions", record("ZC-003", "城关镇儿童之家", "MINOR_PROTECTION", chengguan, ""))
                .status()).isEqualTo(201);
        assertField(api.post("town1", "/api/institutions", record("ZC-004", "东山镇敬老院二院", "ELDERLY_CARE", dongshan, "")), "regionId");
        assertField(api.post("town1", "/api/institutions", record("ZC-005", "县直机构", "ELDERLY_CARE", county, "")), "regionId");

        // 变更登记: what was and became, and why, in the history
        Api.Reply changed = api.put("town1", "/api/institutions/" + id, record("ZC-001", "城关镇幸福里养老院", "ELDERLY_CARE", chengguan,
                ", \"principalPhone\": \"13800000000\", \"reason\": \"负责人更换电话\"").replace("\"principalPhone\": \"0563-1234567\", ", ""));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().path("principalPhone").asText()).isEqualTo("13800000000");
        assertField(api.put("town1", "/api/institutions/" + id, record("ZC-001", "城关镇幸福里养老院", "ELDERLY_CARE", dongshan,
                ", \"reason\": \"迁址\"")), "regionId"); // not out of his township
        assertThat(api.put("town2", "/api/institutions/" + id, record("ZC-001", "改名", "ELDERLY_CARE", dongshan, "")).status())
                .isEqualTo(404);

        // 停业整顿 by the county bureau, with a reason; not by the township
        assertThat(api.post("town1", "/api/institutions/" + id + "/status", "{\"status\": \"SUSPENDED\", \"reason\": \"x\"}").status())
                .isEqualTo(403);
        assertField(api.post("fuli", "/api/institutions/" + id + "/status", "{\"status\": \"SUSPENDED\", \"reason\": \" \"}"), "reason");
        Api.Reply suspended = api.post("fuli", "/api/institutions/" + id + "/status",
                "{\"status\": \"SUSPENDED\", \"reason\": \"消防验收未通过，停业整顿\"}");
        assertThat(suspended.status()).as(suspended.body().toString()).isEqualTo(200);
        assertThat(suspended.body().path("summary").path("statusLabel").asText()).isEqualTo("停业整顿");
        assertThat(api.post("fuli", "/api/institutions/" + id + "/status", "{\"status\": \"SUSPENDED\", \"reason\": \"再次\"}").status())
                .isEqualTo(409);

        JsonNode history = api.get("town1", "/api/institutions/" + id + "/history").body();
        assertThat(texts(history, "what")).containsExactly("登记机构", "变更机构信息", "机构状态变更");
        assertThat(history.get(1).path("changes").path("principalPhone")).extracting(JsonNode::asText)
                .containsExactly("0563-1234567", "13800000000");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("负责人更换电话");
        assertThat(history.get(1).path("actorName").asText()).isNotBlank();
        assertThat(history.get(2).path("changes").path("status")).extracting(JsonNode::asText).containsExactly("OPERATING", "SUSPENDED");
        assertThat(history.get(2).path("reason").asText()).isEqualTo("消防验收未通过，停业整顿");
        assertThat(api.get("inst001", "/api/institutions/" + id + "/history").status()).isIn(403, 404);

        // the county's 调度表 has the bureau's own institutions as their own row, after the townships
        JsonNode table = api.get("fuli", "/api/statistics?groupBy=REGION").body().path("rows");
        assertThat(table.get(table.size() - 1).path("label").asText()).isEqualTo("安澜县直属机构");
    }

    @Test
    void badRecordsAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = jdbc.queryForObject("select count(*) from institution", Long.class);
        long events = jdbc.queryForObject("select count(*) from ledger_event where subject_type = 'INSTITUTION'", Long.class);
        String existingCode = jdbc.queryForObject("select min(code) from institution", String.class);
        String existingName = jdbc.queryForObject("select min(name) from institution where region_id = ?", String.class, chengguan);
        assertField(api.post("fuli", "/api/institutions", record(existingCode, "新机构甲", "ELDERLY_CARE", chengguan, "")), "code");
        assertField(api.post("fuli", "/api/institutions", record(existingCode.toLowerCase(), "新机构甲", "ELDERLY_CARE", chengguan, "")),
                "code"); // one code, whatever its case
        assertField(api.post("fuli", "/api/institutions", record("---", "新机构甲", "ELDERLY_CARE", chengguan, "")), "code");
        assertField(api.post("fuli", "/api/institutions", record("ZX-010", "新机构\u202e甲", "ELDERLY_CARE", chengguan, "")), "name");
        assertField(api.post("fuli", "/api/institutions", record("ZX-011", "新机构甲", "ELDERLY_CARE", chengguan, "")
                .replace("0563-1234567", "1")), "principalPhone");
        assertThat(api.post("fuli", "/api/institutions", record("ZX-012", "新机构甲", "ELDERLY_CARE", chengguan, "")
                .replace("\"capacity\": 60", "\"capacity\": 1.5")).status()).as("1.5 beds").isEqualTo(400);
        assertField(api.post("fuli", "/api/institutions", record("ZX-001", existingName, "ELDERLY_CARE", chengguan, "")), "name");
        assertField(api.post("fuli", "/api/institutions", record("ZX-002", "新机构乙", "PARTY", chengguan, "")), "type");
        assertField(api.post("fuli", "/api/institutions", record("ZX 003", "新机构丙", "ELDERLY_CARE", chengguan, "")), "code");
        assertField(api.post("fuli", "/api/institutions", record("ZX-004", "新机构丁", "ELDERLY_CARE", 987654, "")), "regionId");
        long province = jdbc.queryForObject("select id from region where code = '990000'", Long.class);
        assertField(api.post("fuli", "/api/institutions", record("ZX-005", "新机构戊", "ELDERLY_CARE", province, "")), "regionId");
        assertField(api.post("fuli", "/api/institutions", record("ZX-006", "新机构己", "ELDERLY_CARE", chengguan, "")
                .replace("\"capacity\": 60", "\"capacity\": -1")), "capacity");
        assertField(api.post("fuli", "/api/institutions", record("ZX-007", " ", "ELDERLY_CARE", chengguan, "")), "name");
        assertThat(api.post("inst001", "/api/institutions", record("ZX-008", "新机构庚", "ELDERLY_CARE", chengguan, "")).status())
                .isEqualTo(403);
        assertThat(api.post("inspector1", "/api/institutions", record("ZX-009", "新机构辛", "ELDERLY_CARE", chengguan, "")).status())
                .isEqualTo(403);
        assertThat(api.post("fuli", "/api/institutions", "{\"code\": ").status()).isEqualTo(400);
        long id = jdbc.queryForObject("select min(id) from institution where region_id = ?", Long.class, chengguan);
        assertField(api.post("fuli", "/api/institutions/" + id + "/status", "{\"status\": \"GONE\", \"reason\": \"x\"}"), "status");
        String code = jdbc.queryForObject("select code from institution where id = ?", String.class, id);
        String name = jdbc.queryForObject("select name from institution where id = ?", String.class, id);
        assertField(api.put("fuli", "/api/institutions/" + id, record(code, name, "ELDERLY_CARE", chengguan, "")), "reason");
        assertField(api.put("fuli", "/api/institutions/" + id, record(code, name, "ELDERLY_CARE", chengguan, ", \"reason\": \"  \"")),
                "reason");

        assertThat(jdbc.queryForObject("select count(*) from institution", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from ledger_event where subject_type = 'INSTITUTION'", Long.class)).isEqualTo(events);
    }

    /**
     * 一院一码: the institution's QR code leads to the public report form naming it, where anyone sees its safety card —
     * open hazards by grade, the last inspection, the number to call — and nothing private.
     */
    @Test
    void theQrCodeOpensTheReportFormWithTheInstitutionsSafetyCard() throws Exception {
        Api.Reply registered = api.post("fuli", "/api/institutions", record("QR-001", "城关镇夕阳红养老院", "ELDERLY_CARE", chengguan, ""));
        long id = registered.body().path("summary").path("id").asLong();
        String qrCode = jdbc.queryForObject("select qr_code from institution where id = ?", String.class, id);
        // two open hazards (one major, one general), one awaiting its grade, one closed; inspected twice, last on 3 March
        hazard(id, "MAJOR", "RECTIFYING", null);
        hazard(id, "GENERAL", "RECTIFYING", null);
        hazard(id, null, "REPORTED", null);
        hazard(id, "GENERAL", "CLOSED", "2027-02-01T02:00:00Z");
        inspection(id, "2027-02-10T02:00:00Z");
        inspection(id, "2027-03-02T20:00:00Z"); // 04:00 on 3 March in China

        JsonNode poster = api.get("fuli", "/api/institutions/" + id + "/poster").body();
        String url = "https://minzheng.example.cn/whistleblower?i=" + qrCode;
        assertThat(poster.path("reportUrl").asText()).isEqualTo(url);
        assertThat(poster.path("card").path("reportPhone").asText()).isEqualTo("0563-8164609");
        org.springframework.http.ResponseEntity<byte[]> png = api.download("fuli", "/api/institutions/" + id + "/qr.png");
        assertThat(png.getHeaders().getContentType().toString()).isEqualTo("image/png");
        assertThat(decode(png.getBody())).as("the code leads to the report form naming the institution").isEqualTo(url);
        assertThat(api.get("town2", "/api/institutions/" + id + "/qr.png").status()).isEqualTo(404);

        Api.Reply card = api.bearer(null, org.springframework.http.HttpMethod.GET, "/api/public/institutions/" + qrCode, null);
        assertThat(card.status()).as(card.body().toString()).isEqualTo(200);
        assertThat(card.body().path("name").asText()).isEqualTo("城关镇夕阳红养老院");
        assertThat(card.body().path("openMajor").asLong()).isEqualTo(1);
        assertThat(card.body().path("openGeneral").asLong()).isEqualTo(1);
        assertThat(card.body().path("openPending").asLong()).isEqualTo(1);
        assertThat(card.body().path("lastInspectedOn").asText()).isEqualTo("2027-03-03");
        assertThat(card.body().toString()).as("nothing private").doesNotContain("李院长", "0563-1234567", "QR-001");
        assertThat(api.bearer(null, org.springframework.http.HttpMethod.GET, "/api/public/institutions/no-such-code", null).status())
                .isEqualTo(404);

        // suspended, the poster still on its wall: a report from its code is taken (working on regardless is reported)
        assertThat(api.post("fuli", "/api/institutions/" + id + "/status", "{\"status\": \"SUSPENDED\", \"reason\": \"停业整顿\"}")
                .status()).isEqualTo(200);
        Api.Reply reported = api.bearer(null, org.springframework.http.HttpMethod.POST, "/api/public/whistleblower-reports", """
                {"institutionId": %d, "description": "停业整顿期间仍在收住老人", "reporterKind": "PUBLIC"}""".formatted(id));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
    }

    private static String decode(byte[] png) throws Exception {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    private void hazard(long institutionId, String grade, String status, String closedAt) {
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        jdbc.update("""
                insert into hazard (institution_id, region_id, institution_type, description, category, source, grade, found_on,
                                    status, rectification_deadline, listed_supervision, closed_at, created_at, updated_at, version)
                values (?, ?, 'ELDERLY_CARE', '一院一码样例', 'FIRE', 'SELF_CHECK', ?, ?, ?, ?, false, ?, ?, ?, 0)""",
                institutionId, chengguan, grade, java.sql.Date.valueOf("2027-01-20"), status, java.sql.Date.valueOf("2027-02-20"),
                closedAt == null ? null : java.sql.Timestamp.from(java.time.Instant.parse(closedAt)), now, now);
    }

    private void inspection(long institutionId, String submittedAt) {
        Long person = jdbc.queryForObject("select id from person where username = 'fuli'", Long.class);
        jdbc.update("""
                insert into campaign (name, lead_organisation, status, created_by, created_at, version)
                values ('一院一码样例', '安澜县民政局', 'ACTIVE', ?, ?, 0)""", person, java.sql.Timestamp.from(java.time.Instant.now()));
        long campaign = jdbc.queryForObject("select max(id) from campaign", Long.class);
        jdbc.update("""
                insert into campaign_work (campaign_id, slot, kind, owner_key, region_id, institution_id, due_on, status,
                                           late, reminders, submitted_at)
                values (?, 'P1', 'INSPECTION', ?, ?, ?, ?, 'SUBMITTED', false, 0, ?)""", campaign, "I" + institutionId, chengguan,
                institutionId, java.sql.Date.valueOf("2027-03-31"), java.sql.Timestamp.from(java.time.Instant.parse(submittedAt)));
    }

    private static void assertField(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(texts(reply.fieldErrors(), "field")).as(reply.body().toString()).anyMatch(f -> f.startsWith(field));
    }

    private static List<String> names(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(n -> n.path("name").asText()).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }
}
