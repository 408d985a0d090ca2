package com.civilsafety.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.Campaigns;
import com.civilsafety.app.testsupport.EngineTime;
import com.civilsafety.app.testsupport.HazardSteps;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Every card of the dashboard (web-ui/src/pages/DashboardPage.vue) shows a figure of the statistics and opens a list:
 * the figure is that list's total — the same window, institution type and scope — for each role that has a dashboard
 * and for a window that ends today or before. The lists are asked for here as the cards ask for them. The ledger gets
 * one hazard of each kind a card counts: found in a self-check, closed, major under 挂牌督办, overdue, substantiated
 * from a report, and a report still waiting for its verification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboard-figures;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "civil-safety.public.submissions-per-window=1000", "civil-safety.public.lookups-per-window=1000"})
@DirtiesContext // its clock runs a day ahead
@Import(EngineTime.AsClock.class)
class DashboardFiguresTest {
    private static final Duration STEP = Duration.ofSeconds(60);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    EngineTime time;

    Api api;

    @Test
    void everyCardsFigureIsTheTotalOfTheListItOpens() {
        api = new Api(rest);
        LocalDate today = selfCheckWithOneNo();
        long home = institutionOf("inst001");
        closedHazard(home, today);
        reported(home, "YL-4-2", true, today); // major, residents exposed: 挂牌督办
        reported(home, "GEN-FIRE", true, today.minusDays(40)); // due 7 days after it was found: overdue
        substantiatedReport(institutionOf("inst002"), today);
        String pending = api.bearer(null, HttpMethod.POST, "/api/public/whistleblower-reports", """
                {"institutionId": %d, "description": "消防门被锁", "reporterKind": "PUBLIC"}""".formatted(home)).body()
                .path("trackingCode").asText();
        assertThat(pending).isNotBlank();

        LocalDate from = today.minusDays(60);
        settled(from, today);
        JsonNode county = figures("fuli", from, today, null);
        assertThat(county.path("hazardsFound").asLong()).as("the self-check's, the closed, the major, the overdue and the report's")
                .isGreaterThanOrEqualTo(5);
        for (String figure : List.of("major", "rectified", "overdue", "listedSupervision", "institutionsChecked", "whistleblowerReports")) {
            assertThat(county.path(figure).asLong()).as(figure).isPositive();
        }
        assertThat(reports("fuli", from, today, null)).as("举报线索: both reports, the one still waiting among them").hasSize(2);

        // a window reaching past today judges 逾期 today: the 台账's 仅看逾期 and the figure are the same hazards
        JsonNode ahead = api.get("fuli", "/api/statistics?from=" + from + "&to=" + today.plusDays(30)).body();
        assertThat(ahead.path("overdueOn").asText()).isEqualTo(today.toString());
        assertThat(ahead.path("total").path("overdue").asLong()).isEqualTo(hazards("fuli", "overdue=true"))
                .isEqualTo(county.path("overdue").asLong());

        for (String user : List.of("fuli", "leader", "town1")) {
            for (String type : new String[]{null, "ELDERLY_CARE", "FUNERAL"}) {
                figuresAreTheListsTotals(user, from, today, type);
                figuresAreTheListsTotals(user, from, today.minusDays(1), type); // a window that ended yesterday
            }
        }
    }

    private void figuresAreTheListsTotals(String user, LocalDate from, LocalDate to, String type) {
        String what = user + " " + from + "…" + to + (type == null ? "" : " " + type);
        JsonNode f = figures(user, from, to, type);
        String ofType = type == null ? "" : "&institutionType=" + type;
        String found = "foundFrom=" + from + "&foundTo=" + to + ofType;
        assertThat(hazards(user, found)).as("排查隐患 " + what).isEqualTo(f.path("hazardsFound").asLong());
        assertThat(hazards(user, found + "&grade=MAJOR")).as("重大事故隐患 " + what).isEqualTo(f.path("major").asLong());
        assertThat(hazards(user, found + "&closedBy=" + to)).as("已整改销号 " + what).isEqualTo(f.path("rectified").asLong());
        assertThat(hazards(user, found + "&openOn=" + to)).as("未整改 " + what).isEqualTo(f.path("unrectified").asLong());
        assertThat(hazards(user, found + "&source=EXPERT")).as("专家诊断发现 " + what).isEqualTo(f.path("foundByExpert").asLong());
        assertThat(hazards(user, "overdueOn=" + to + ofType)).as("逾期未整改 " + what).isEqualTo(f.path("overdue").asLong());
        assertThat(hazards(user, found + "&listedSupervision=true")).as("挂牌督办 " + what).isEqualTo(f.path("listedSupervision").asLong());
        assertThat(hazards(user, found + "&source=WHISTLEBLOWER")).as("举报查实隐患 " + what).isEqualTo(f.path("whistleblowerReports").asLong());
        JsonNode checked = api.get(user, "/api/institutions?checkedFrom=" + from + "&checkedTo=" + to
                + (type == null ? "" : "&type=" + type) + "&size=1").body();
        assertThat(checked.path("total").asLong()).as("检查机构 " + what).isEqualTo(f.path("institutionsChecked").asLong());

        // the charts: each status and grade opens the ledger with that filter added
        JsonNode counts = api.get(user, "/api/hazards/counts?" + found).body();
        assertThat(counts.path("total").asLong()).as("the charts' total " + what).isEqualTo(f.path("hazardsFound").asLong());
        for (JsonNode status : counts.path("byStatus")) {
            assertThat(hazards(user, found + "&status=" + status.path("code").asText())).as(status.path("label").asText() + " " + what)
                    .isEqualTo(status.path("count").asLong());
        }
        for (JsonNode grade : counts.path("byGrade")) {
            assertThat(hazards(user, found + "&grade=" + grade.path("code").asText())).as(grade.path("label").asText() + " " + what)
                    .isEqualTo(grade.path("count").asLong());
        }
    }

    /** Every hazard graded and waiting for a person, so that no status moves while figures and lists are compared. */
    private void settled(LocalDate from, LocalDate to) {
        String path = "/api/hazards/counts?foundFrom=" + from + "&foundTo=" + to;
        await().atMost(STEP).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode before = api.get("fuli", path).body();
            Thread.sleep(1000);
            JsonNode after = api.get("fuli", path).body();
            long graded = StreamSupport.stream(after.path("byGrade").spliterator(), false).mapToLong(g -> g.path("count").asLong()).sum();
            return before.equals(after) && graded == after.path("total").asLong();
        });
    }

    private JsonNode figures(String user, LocalDate from, LocalDate to, String type) {
        Api.Reply reply = api.get(user, "/api/statistics?from=" + from + "&to=" + to + (type == null ? "" : "&institutionType=" + type));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body().path("total");
    }

    private long hazards(String user, String query) {
        Api.Reply reply = api.get(user, "/api/hazards?size=1&" + query);
        assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(200);
        return reply.body().path("total").asLong();
    }

    private List<JsonNode> reports(String user, LocalDate from, LocalDate to, String type) {
        Api.Reply reply = api.get(user, "/api/whistleblower-reports?from=" + from + "&to=" + to + (type == null ? "" : "&institutionType=" + type));
        assertThat(reply.status()).isEqualTo(200);
        return StreamSupport.stream(reply.body().spliterator(), false).toList();
    }

    /** A campaign whose self-check opens tomorrow; the clocks move there and inst001 answers one item 否. Its today. */
    private LocalDate selfCheckWithOneNo() {
        LocalDate today = time.today();
        Campaigns.deploy(api, "\"ELDERLY_CARE\", \"CHILD_WELFARE\"", new Campaigns.Phase("MOBILISATION", today, today),
                new Campaigns.Phase("SELF_CHECK", today.plusDays(1), today.plusDays(20)));
        time.passTo(today.plusDays(1), LocalTime.of(10, 0));
        long task = await().atMost(STEP).pollInterval(Duration.ofMillis(250)).until(() ->
                StreamSupport.stream(api.get("inst001", "/api/tasks").body().spliterator(), false)
                        .filter(t -> t.path("kind").asText().equals("SELF_CHECK")).map(t -> t.path("id").asLong())
                        .findFirst().orElse(null), id -> id != null);
        List<String> checklist = StreamSupport.stream(api.get("inst001", "/api/campaign-tasks/" + task).body().path("checklist")
                .spliterator(), false).map(i -> i.path("criterionCode").asText()).toList();
        String items = checklist.stream().map(code -> code.equals("GEN-FIRE")
                ? "{\"criterionCode\": \"GEN-FIRE\", \"answer\": \"NO\", \"note\": \"疏散通道堆放杂物\", \"location\": \"二楼走廊\", \"residentsExposed\": false}"
                : "{\"criterionCode\": \"%s\", \"answer\": \"YES\"}".formatted(code)).collect(Collectors.joining(", "));
        Api.Reply done = api.post("inst001", "/api/tasks/" + task + "/complete",
                "{\"checkedOn\": \"%s\", \"signedBy\": \"李建国\", \"items\": [%s]}".formatted(time.today(), items));
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
        return time.today();
    }

    private void closedHazard(long institution, LocalDate today) {
        long hazard = reported(institution, "GEN-FIRE", true, today);
        HazardSteps.complete(api, "town1", hazard, "ASSIGNMENT", """
                {"responsibleUnit": "安澜县社会福利中心", "responsiblePerson": "李建国", "measures": "清理通道",
                 "deadline": "%s"}""".formatted(today.plusDays(3)));
        HazardSteps.complete(api, "inst001", hazard, "RECTIFICATION", """
                {"measures": "已清理通道", "responsiblePerson": "李建国", "completedOn": "%s"}""".formatted(today));
        HazardSteps.complete(api, "inspector1", hazard, "VERIFICATION", "{\"passed\": true, \"opinion\": \"已整改到位\"}");
        await().atMost(STEP).until(() -> api.get("fuli", "/api/hazards/" + hazard).body().path("status").asText().equals("CLOSED"));
    }

    private long reported(long institution, String criterion, boolean residentsExposed, LocalDate foundOn) {
        Api.Reply reported = api.post("inspector1", "/api/hazards", """
                {"institutionId": %d, "description": "看板核对用隐患", "location": "二楼", "criterionCode": "%s",
                 "residentsExposed": %s, "source": "DEPARTMENT_CHECK", "foundOn": "%s"}"""
                .formatted(institution, criterion, residentsExposed, foundOn));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        long id = reported.body().path("id").asLong();
        // graded (its deadline set) before the figures are read
        await().atMost(STEP).until(() -> !api.get("fuli", "/api/hazards/" + id).body().path("grade").isNull());
        return id;
    }

    private void substantiatedReport(long institution, LocalDate today) {
        Api.Reply receipt = api.bearer(null, HttpMethod.POST, "/api/public/whistleblower-reports", """
                {"institutionId": %d, "description": "值班室灭火器过期", "reporterKind": "STAFF"}""".formatted(institution));
        assertThat(receipt.status()).isEqualTo(201);
        long task = await().atMost(STEP).until(() -> StreamSupport.stream(api.get("fuli", "/api/tasks").body().spliterator(), false)
                .filter(t -> t.path("kind").asText().equals("WHISTLEBLOWER_VERIFICATION")).map(t -> t.path("id").asLong())
                .findFirst().orElse(null), id -> id != null);
        Api.Reply verified = api.post("fuli", "/api/tasks/" + task + "/complete", """
                {"substantiated": true, "findings": "灭火器过期两个月", "criterionCode": "GEN-FIRE", "residentsExposed": false, "verifiedOn": "%s",
                 "signedBy": "钱福利股"}""".formatted(today));
        assertThat(verified.status()).as(verified.body().toString()).isEqualTo(200);
        await().atMost(STEP).until(() -> hazards("fuli", "source=WHISTLEBLOWER") == 1);
    }

    private long institutionOf(String manager) {
        return api.get(manager, "/api/institutions").body().path("items").get(0).path("id").asLong();
    }
}
