package com.civilsafety.app.campaign;

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

/** Campaigns from the two seed plans' templates or from scratch; bad schedules and scopes refused, nothing stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignApiTest {
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    /** Campaigns are created for dates to come (phases already over are refused): next year on the platform's clock. */
    int nextYear;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        nextYear = api.today().getYear() + 1;
    }

    @Test
    void theSeedPlansAreTemplatesForAnyYear() {
        JsonNode templates = api.get("fuli", "/api/campaign-templates?year=2023").body();
        JsonNode jixi = templates.get(0).path("plan");
        assertThat(templates.get(0).path("code").asText()).isEqualTo("JIXI_ANNUAL");
        assertThat(texts(jixi.path("phases"), "kind")).containsExactly("MOBILISATION", "SELF_CHECK", "DEPARTMENT_CHECK",
                "SUPERVISION", "SUMMARY");
        assertThat(texts(jixi.path("phases"), "endsOn")).containsExactly("2023-05-15", "2023-06-30", "2023-08-31",
                "2023-10-31", "2023-12-31");
        assertThat(texts(jixi.path("deliverables"), "dueOn")).containsExactly("2023-05-25", "2023-08-03", "2023-11-03",
                "2023-11-08");
        assertThat(jixi.path("inspection").path("mode").asText()).isEqualTo("FULL");

        JsonNode zezhou = api.get("fuli", "/api/campaign-templates?year=2024").body().get(1).path("plan");
        assertThat(texts(zezhou.path("phases"), "kind")).containsExactly("MOBILISATION", "FOCUSED_REMEDIATION",
                "ROOT_CAUSE", "EVALUATION");
        assertThat(zezhou.path("phases").get(0).path("endsOn").asText()).isEqualTo("2024-02-29");
        assertThat(zezhou.path("phases").get(3).path("endsOn").asText()).isEqualTo("2026-12-31");
        assertThat(api.get("fuli", "/api/campaign-templates?year=2025").body().get(1).path("plan").path("phases").get(0)
                .path("endsOn").asText()).isEqualTo("2025-02-28");
        assertThat(api.get("fuli", "/api/campaign-templates?year=1900").status()).isEqualTo(400);
    }

    @Test
    void aCampaignFromATemplateCoversTheCountyAndIsSeenWithinScope() {
        Api.Reply created = api.post("fuli", "/api/campaigns/from-template", "{\"templateCode\": \"JIXI_ANNUAL\", \"year\": " + nextYear + "}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(created.body().path("regions").get(0).asText()).isEqualTo("安澜县");
        assertThat(created.body().path("institutionTypes")).hasSize(6);
        assertThat(created.body().path("leadOrganisation").asText()).isEqualTo("安澜县民政局");
        assertThat(created.body().path("phases")).hasSize(5);

        assertThat(api.get("town1", "/api/campaigns/" + id).status()).isEqualTo(200);
        assertThat(ids(api.get("inst001", "/api/campaigns").body())).contains(id);
        Api.Reply zezhou = api.post("admin", "/api/campaigns/from-template",
                "{\"templateCode\": \"ZEZHOU_THREE_YEAR\", \"year\": " + nextYear + ", \"name\": \"安澜县三年行动\"}");
        assertThat(zezhou.status()).isEqualTo(201);
        assertThat(zezhou.body().path("name").asText()).isEqualTo("安澜县三年行动");
    }

    @Test
    void aTownshipCampaignIsNotSeenInOtherTownships() {
        long town1Region = jdbc.queryForObject("select region_id from person where username = 'town1'", Long.class);
        Api.Reply created = api.post("fuli", "/api/campaigns", plan(town1Region, nextYear + "-05-01", nextYear + "-05-31", nextYear + "-06-01", nextYear + "-06-30"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.body().path("id").asLong();

        assertThat(api.get("town1", "/api/campaigns/" + id).status()).isEqualTo(200);
        assertThat(api.get("town2", "/api/campaigns/" + id).status()).isEqualTo(404);
        assertThat(ids(api.get("town2", "/api/campaigns").body())).doesNotContain(id);
    }

    @Test
    void badSchedulesAndScopesAreRefusedAndNothingIsStored() {
        long county = jdbc.queryForObject("select id from region where code = '990121'", Long.class);
        long province = jdbc.queryForObject("select id from region where code = '990000'", Long.class);
        long before = jdbc.queryForObject("select count(*) from campaign", Long.class);

        assertField(api.post("fuli", "/api/campaigns", plan(county, nextYear + "-05-31", nextYear + "-05-01", nextYear + "-06-01", nextYear + "-06-30")), "phases[0].endsOn");
        assertField(api.post("fuli", "/api/campaigns", plan(county, nextYear + "-05-01", nextYear + "-06-10", nextYear + "-06-01", nextYear + "-06-30")), "phases[1].startsOn");
        assertField(api.post("fuli", "/api/campaigns", plan(province, nextYear + "-05-01", nextYear + "-05-31", nextYear + "-06-01", nextYear + "-06-30")), "regionIds");
        assertField(api.post("fuli", "/api/campaigns", plan(987654, nextYear + "-05-01", nextYear + "-05-31", nextYear + "-06-01", nextYear + "-06-30")), "regionIds");
        assertField(api.post("fuli", "/api/campaigns", plan(county, nextYear + "-05-01", nextYear + "-05-31", nextYear + "-06-01", nextYear + "-06-30")
                .replace("\"regionIds\": [" + county + "]", "\"regionIds\": []")), "regionIds");
        assertField(api.post("fuli", "/api/campaigns", plan(county, nextYear + "-05-01", nextYear + "-05-31", nextYear + "-06-01", nextYear + "-06-30")
                .replace("[\"ELDERLY_CARE\", \"FUNERAL\"]", "[]")), "institutionTypes");
        assertField(api.post("fuli", "/api/campaigns", plan(county, nextYear + "-05-01", nextYear + "-05-31", nextYear + "-06-01", nextYear + "-06-30")
                .replace(nextYear + "-05-25", nextYear + "-12-25")), "deliverables[0].dueOn");
        assertField(api.post("fuli", "/api/campaigns", plan(county, nextYear + "-05-01", nextYear + "-05-31", nextYear + "-06-01", nextYear + "-06-30")
                .replace("\"phases\": [", "\"phases\": [{\"kind\": \"PARTY\", \"startsOn\": \"" + nextYear + "-01-01\", \"endsOn\": \"" + nextYear + "-01-02\"}, ")), "phases");
        assertField(api.post("fuli", "/api/campaigns", plan(county, "2020-05-01", "2020-05-31", nextYear + "-06-01", nextYear + "-06-30")
                .replace(nextYear + "-05-25", nextYear + "-06-25")), "phases[0].endsOn"); // a phase already over
        assertField(api.post("fuli", "/api/campaigns/from-template", "{\"templateCode\": \"NONE\", \"year\": 2023}"), "templateCode");
        assertField(api.post("fuli", "/api/campaigns/from-template", "{\"templateCode\": \"JIXI_ANNUAL\"}"), "year");
        assertThat(api.post("town1", "/api/campaigns/from-template", "{\"templateCode\": \"JIXI_ANNUAL\", \"year\": 2023}").status())
                .isEqualTo(403);

        assertThat(jdbc.queryForObject("select count(*) from campaign", Long.class)).isEqualTo(before);
    }

    private String plan(long regionId, String firstStart, String firstEnd, String secondStart, String secondEnd) {
        return """
                {"name": "消防安全专项整治", "leadOrganisation": "安澜县民政局", "regionIds": [%d],
                 "institutionTypes": ["ELDERLY_CARE", "FUNERAL"],
                 "phases": [{"kind": "MOBILISATION", "startsOn": "%s", "endsOn": "%s"},
                            {"kind": "SELF_CHECK", "startsOn": "%s", "endsOn": "%s"}],
                 "deliverables": [{"kind": "TOWNSHIP_PLAN", "dueOn": "%d-05-25"}]}""".formatted(regionId, firstStart, firstEnd,
                secondStart, secondEnd, nextYear);
    }

    private static void assertField(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(texts(reply.fieldErrors(), "field")).as(reply.body().toString()).anyMatch(f -> f.startsWith(field));
    }

    private static List<Long> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asLong()).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }
}
