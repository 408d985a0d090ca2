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
        properties = "spring.datasource.url=jdbc:h2:mem:institution-register;DB_CLOSE_DELAY=-1") // institutions of its own
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

        assertThat(jdbc.queryForObject("select count(*) from institution", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from ledger_event where subject_type = 'INSTITUTION'", Long.class)).isEqualTo(events);
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
