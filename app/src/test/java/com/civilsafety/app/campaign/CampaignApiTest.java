package com.civilsafety.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.ledger.common.LedgerTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
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
        assertThat(texts(jixi.path("deliverables"), "dueOn")).containsExactly("2023-05-25", "2023-08-03", "2023-11-08");
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

    /**
     * 绩溪's calendar (shared/seeds 000) for 2027, date by date: 动员部署 5月中旬前, 机构自查整改 6月底前, 部门检查 7月-8月,
     * 督导检查 9月-10月, 总结提高 11月-12月; 乡镇专项方案 5月25日之前; 各乡镇阶段性进展情况 8月3日前, 总体情况 11月8日前; the
     * 《清单》《调度表》 从6月起至专项行动结束, 每月16日下午下班前 to 福利股 and consolidated 每月20日下午下班前 — at the
     * default closing time 17:30, a deadline on a weekend falling on the Monday after.
     */
    @Test
    void theJixiTemplateFollowsTheSeedsCalendar() {
        JsonNode jixi = api.get("fuli", "/api/campaign-templates?year=2027").body().get(0);
        JsonNode plan = jixi.path("plan");
        assertThat(texts(plan.path("phases"), "startsOn")).containsExactly("2027-05-01", "2027-05-16", "2027-07-01",
                "2027-09-01", "2027-11-01");
        assertThat(texts(plan.path("phases"), "endsOn")).containsExactly("2027-05-15", "2027-06-30", "2027-08-31",
                "2027-10-31", "2027-12-31");
        assertThat(texts(plan.path("deliverables"), "kind")).containsExactly("TOWNSHIP_PLAN", "STAGE_PROGRESS", "TOWNSHIP_SUMMARY");
        assertThat(texts(plan.path("deliverables"), "dueOn")).containsExactly("2027-05-25", "2027-08-03", "2027-11-08");
        assertThat(plan.path("dispatchMonths")).extracting(JsonNode::asText).containsExactly("2027-06", "2027-07", "2027-08",
                "2027-09", "2027-10", "2027-11", "2027-12");

        // month: opens (the 10th, or the working day after), reminded (two working days before the deadline), due, county due
        String[][] expected = {
                {"2027-05", "2027-05-10T09:00", "2027-05-13T09:00", "2027-05-17T17:30", "2027-05-20T17:30"}, // 16th a Sunday
                {"2027-06", "2027-06-10T09:00", "2027-06-14T09:00", "2027-06-16T17:30", "2027-06-21T17:30"}, // 20th a Sunday
                {"2027-07", "2027-07-12T09:00", "2027-07-14T09:00", "2027-07-16T17:30", "2027-07-20T17:30"}, // 10th a Saturday
                {"2027-08", "2027-08-10T09:00", "2027-08-12T09:00", "2027-08-16T17:30", "2027-08-20T17:30"},
                {"2027-09", "2027-09-10T09:00", "2027-09-14T09:00", "2027-09-16T17:30", "2027-09-20T17:30"},
                {"2027-10", "2027-10-11T09:00", "2027-10-14T09:00", "2027-10-18T17:30", "2027-10-20T17:30"}, // 16th a Saturday
                {"2027-11", "2027-11-10T09:00", "2027-11-12T09:00", "2027-11-16T17:30", "2027-11-22T17:30"}, // 20th a Saturday
                {"2027-12", "2027-12-10T09:00", "2027-12-14T09:00", "2027-12-16T17:30", "2027-12-20T17:30"}};
        JsonNode dispatches = jixi.path("dispatches");
        assertThat(dispatches).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            JsonNode month = dispatches.get(i);
            assertThat(month.path("month").asText()).isEqualTo(expected[i][0]);
            String[] fields = {"opensAt", "remindAt", "dueAt", "countyDueAt"};
            for (int f = 0; f < fields.length; f++) {
                assertThat(OffsetDateTime.parse(month.path(fields[f]).asText()).toInstant()).as(expected[i][0] + " " + fields[f])
                        .isEqualTo(OffsetDateTime.parse(expected[i][f + 1] + "+08:00").toInstant());
            }
        }
        // a year to come reports from June: May, though within the campaign, is not one of the seed's months
        JsonNode ahead = api.get("fuli", "/api/campaign-templates?year=" + nextYear).body().get(0).path("dispatches");
        assertThat(texts(ahead, "reported")).containsExactly("false", "true", "true", "true", "true", "true", "true", "true");
    }

    /** Which months report is part of the schedule: chosen with it, refused when it cannot be, changed until a month opens. */
    @Test
    void theMonthsReportedAreChosenWithTheScheduleAndChangedUntilTheyOpen() {
        long county = jdbc.queryForObject("select id from region where code = '990121'", Long.class);
        String plan = """
                {"name": "双月调度专项整治", "leadOrganisation": "安澜县民政局", "regionIds": [%d],
                 "institutionTypes": ["ELDERLY_CARE"], "recurringDuties": false,
                 "phases": [{"kind": "MOBILISATION", "startsOn": "%d-05-01", "endsOn": "%d-05-31"},
                            {"kind": "SELF_CHECK", "startsOn": "%d-06-01", "endsOn": "%d-09-30"}],
                 "dispatchMonths": %s}""";
        String y = String.valueOf(nextYear);
        Api.Reply created = api.post("fuli", "/api/campaigns", plan.formatted(county, nextYear, nextYear, nextYear, nextYear,
                "[\"" + y + "-07\", \"" + y + "-09\"]"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(texts(created.body().path("dispatches"), "month")).containsExactly(y + "-05", y + "-06", y + "-07", y + "-08", y + "-09");
        assertThat(reported(created.body())).containsExactly(y + "-07", y + "-09");

        assertField(api.post("fuli", "/api/campaigns", plan.formatted(county, nextYear, nextYear, nextYear, nextYear,
                "[\"" + y + "-11\"]")), "dispatchMonths"); // after the campaign
        assertField(api.post("fuli", "/api/campaigns", plan.formatted(county, nextYear, nextYear, nextYear, nextYear,
                "[\"" + y + "-07\", \"" + y + "-07\"]")), "dispatchMonths");
        assertField(api.post("fuli", "/api/campaigns", plan.formatted(county, nextYear, nextYear, nextYear, nextYear,
                "[\"" + y + "-7\"]")), "dispatchMonths");
        // a year mistyped: a campaign of a century is refused, and so is its preview
        assertField(api.post("fuli", "/api/campaigns", plan.formatted(county, nextYear, nextYear, nextYear, nextYear + 100,
                "null")), "phases");
        assertField(api.post("fuli", "/api/campaigns/dispatch-preview", """
                {"phases": [{"kind": "SELF_CHECK", "startsOn": "0001-01-01", "endsOn": "9999-12-31"}]}"""), "phases");
        assertField(api.post("fuli", "/api/campaigns/dispatch-preview", """
                {"phases": [{"kind": "SELF_CHECK", "startsOn": "%d-01-01", "endsOn": "%d-03-31"}], "dispatchMonths": ["%d-13"]}"""
                .formatted(nextYear, nextYear, nextYear)), "dispatchMonths");

        Api.Reply changed = api.post("fuli", "/api/campaigns/" + id + "/dispatch-months",
                "{\"months\": [\"" + y + "-06\", \"" + y + "-07\"], \"reason\": \"市局要求自6月起按月调度\"}");
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(reported(changed.body())).containsExactly(y + "-06", y + "-07");
        assertThat(jdbc.queryForObject("""
                select count(*) from ledger_event where type = 'CAMPAIGN_DISPATCH_MONTHS_CHANGED' and subject_id = ?""", Long.class, id))
                .isEqualTo(1);
        // the operation log says what changed and why
        JsonNode log = api.get("admin", "/api/admin/operation-log?size=100").body().path("items");
        assertThat(texts(log, "detail")).anyMatch(d -> d.contains("调整调度月份：由 " + y + "年7月、" + y + "年9月 改为 " + y + "年6月、"
                + y + "年7月") && d.contains("原因：市局要求自6月起按月调度"));
        assertField(api.post("fuli", "/api/campaigns/" + id + "/dispatch-months",
                "{\"months\": [\"" + y + "-06\", \"" + y + "-07\"], \"reason\": \"再提交一次\"}"), "months"); // nothing to change
        assertField(api.post("fuli", "/api/campaigns/" + id + "/dispatch-months", "{\"months\": [\"" + y + "-06\"]}"), "reason");
        assertField(api.post("fuli", "/api/campaigns/" + id + "/dispatch-months",
                "{\"months\": [\"" + y + "-12\"], \"reason\": \"x\"}"), "months");
        assertThat(api.post("town1", "/api/campaigns/" + id + "/dispatch-months",
                "{\"months\": [], \"reason\": \"x\"}").status()).isEqualTo(403);
        assertThat(reported(api.get("fuli", "/api/campaigns/" + id).body())).as("nothing refused changed anything")
                .containsExactly(y + "-06", y + "-07");
    }

    /**
     * Deployed in its course, a campaign escalates nothing back-dated: its running phase is taken up, its months report
     * from the first whose deadline is ahead, a month or a report already due cannot be asked for.
     */
    @Test
    void aCampaignDeployedInItsCourseEscalatesNothingBackDated() {
        long county = jdbc.queryForObject("select id from region where code = '990121'", Long.class);
        LocalDate today = api.today();
        String plan = """
                {"name": "年中接入的专项整治", "leadOrganisation": "安澜县民政局", "regionIds": [%d],
                 "institutionTypes": ["FUNERAL"], "recurringDuties": false,
                 "phases": [{"kind": "SELF_CHECK", "startsOn": "%s", "endsOn": "%s"}]%s}""";
        Api.Reply created = api.post("fuli", "/api/campaigns", plan.formatted(county, today.minusDays(40), today.plusDays(60), ""));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode dispatches = created.body().path("dispatches");
        // a 40-day window before today holds a 16th whose deadline has passed: the first month of the span
        assertThat(dispatches.get(0).path("reported").asBoolean()).isFalse();
        for (JsonNode month : dispatches) {
            LocalDate due = OffsetDateTime.parse(month.path("dueAt").asText()).toLocalDate();
            if (!due.equals(today)) {
                assertThat(month.path("reported").asBoolean()).as(month.path("month").asText()).isEqualTo(due.isAfter(today));
            }
        }
        assertThat(reported(created.body())).isNotEmpty();

        assertField(api.post("fuli", "/api/campaigns", plan.formatted(county, today.minusDays(40), today.plusDays(60),
                ", \"dispatchMonths\": [\"" + dispatches.get(0).path("month").asText() + "\"]")), "dispatchMonths");
        assertField(api.post("fuli", "/api/campaigns", plan.formatted(county, today.minusDays(40), today.plusDays(60),
                ", \"deliverables\": [{\"kind\": \"TOWNSHIP_PLAN\", \"dueOn\": \"" + today.minusDays(1) + "\"}]")),
                "deliverables[0].dueOn");
    }

    /**
     * 周调度 (seed 003: 周调度、月通报) as well as the months: every week whose Friday lies within the campaign, opened on
     * its Monday, reminded on Thursday, due by the end of office hours on Friday, consolidated by the next Monday's;
     * from the first week still ahead when deployed in its course. (No holidays are configured here: the days are as
     * written.)
     */
    @Test
    void aWeeklyCampaignReportsEveryWeekAsWellAsEveryMonth() {
        long county = jdbc.queryForObject("select id from region where code = '990121'", Long.class);
        LocalDate today = api.today();
        String plan = """
                {"name": "周调度专项整治", "leadOrganisation": "安澜县民政局", "regionIds": [%d],
                 "institutionTypes": ["FUNERAL"], "recurringDuties": false, "weeklyDispatch": %s,
                 "phases": [{"kind": "SELF_CHECK", "startsOn": "%s", "endsOn": "%s"}]}""";
        Api.Reply created = api.post("fuli", "/api/campaigns", plan.formatted(county, "true", today.minusDays(20), today.plusDays(40)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode weeks = created.body().path("weeklyDispatches");
        long fridaysAhead = today.minusDays(20).datesUntil(today.plusDays(41))
                .filter(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY && !d.isBefore(today)).count();
        // a Friday of today counts only while its office hours last
        assertThat((long) weeks.size()).isBetween(fridaysAhead - 1, fridaysAhead);
        for (JsonNode week : weeks) {
            String key = week.path("month").asText();
            assertThat(key).matches("\\d{4}-W\\d{2}");
            OffsetDateTime opens = inChina(week, "opensAt");
            OffsetDateTime due = inChina(week, "dueAt");
            OffsetDateTime countyDue = inChina(week, "countyDueAt");
            OffsetDateTime remind = inChina(week, "remindAt");
            assertThat(opens.getDayOfWeek()).as(key).isEqualTo(DayOfWeek.MONDAY);
            assertThat(opens.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(remind.toLocalDate()).isEqualTo(opens.toLocalDate().plusDays(3));
            assertThat(due.toLocalDate()).isEqualTo(opens.toLocalDate().plusDays(4));
            assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(17, 30));
            assertThat(countyDue.toLocalDate()).isEqualTo(opens.toLocalDate().plusDays(7));
            assertThat(due.toInstant()).as("no week already due").isAfter(Instant.parse(created.body().path("createdAt").asText()));
            assertThat(week.path("label").asText()).contains("周调度《清单》《调度表》");
        }
        // the months are reported as before
        assertThat(reported(created.body())).isNotEmpty();
        // not asked for: none
        Api.Reply monthly = api.post("fuli", "/api/campaigns", plan.formatted(county, "false", today.plusDays(1), today.plusDays(40)));
        assertThat(monthly.body().path("weeklyDispatches")).isEmpty();
        // a campaign whose Fridays have all passed has no week to report
        LocalDate monday = today.plusDays(7).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertField(api.post("fuli", "/api/campaigns", plan.formatted(county, "true", monday, monday.plusDays(3))), "weeklyDispatch");
    }

    private static OffsetDateTime inChina(JsonNode dispatch, String field) {
        return OffsetDateTime.parse(dispatch.path(field).asText()).atZoneSameInstant(LedgerTime.ZONE).toOffsetDateTime();
    }

    private static List<String> reported(JsonNode campaign) {
        return StreamSupport.stream(campaign.path("dispatches").spliterator(), false)
                .filter(m -> m.path("reported").asBoolean()).map(m -> m.path("month").asText()).toList();
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
