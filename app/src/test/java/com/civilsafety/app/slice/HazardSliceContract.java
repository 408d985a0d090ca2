package com.civilsafety.app.slice;

import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ResponseEntity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import com.civilsafety.engine.command.ProcessCommands;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.civilsafety.app.testsupport.WorkerAnswers;
import com.civilsafety.engine.model.ProcessModelCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One hazard from the API to closed, through the real engine, workers and ledger; and every bad input on the way
 * rejected with a 4xx that names the problem, leaving nothing half-written. Run against each supported database.
 */
abstract class HazardSliceContract {
    private static final Duration PROCESS_STEP = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessModelCheck modelCheck;

    @Autowired
    ProcessCommands processes;
    Api api;
    long institutionId;
    /** the platform's today: found dates, deadlines and completions are checked against it */
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        today = api.today();
        institutionId = api.get("inst001", "/api/institutions").body().path("items").get(0).path("id").asLong();
    }

    @AfterEach
    void everyWorkerAnsweredWithTheVariablesItDeclares() {
        WorkerAnswers.assertDeclared(jdbc, modelCheck.workers());
    }

    @Test
    void aHazardIsReportedRectifiedVerifiedAndClosed() {
        Api.Reply reported = api.post("inspector1", "/api/hazards", hazardJson(institutionId, today.minusDays(1)));
        assertThat(reported.status()).isEqualTo(201);
        long hazardId = reported.body().path("id").asLong();
        assertThat(reported.headers().getLocation()).hasPath("/api/hazards/" + hazardId);
        assertThat(reported.body().path("code").asText()).matches("YH\\d{4}-\\d{6}");
        assertThat(reported.body().path("categoryLabel").asText()).isEqualTo("消防");

        LocalDate foundOn = today.minusDays(1);
        assign(hazardId, foundOn.plusDays(6));
        long rectification = awaitTask("inst001", hazardId, "RECTIFICATION");
        Api.Reply submitted = api.post("inst001", "/api/tasks/" + rectification + "/complete", rectificationJson());
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        assertThat(submitted.body().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(submitted.body().path("result").path("measures").asText()).isEqualTo("清理杂物，张贴禁止堆放标识");

        long verification = awaitTask("inspector1", hazardId, "VERIFICATION");
        assertThat(api.post("inspector1", "/api/tasks/" + verification + "/complete",
                "{\"passed\": true, \"opinion\": \"现场核查已整改到位\"}").status()).isEqualTo(200);

        JsonNode hazard = awaitHazardStatus(hazardId, "CLOSED");
        // graded by hazard-grading.dmn: a fire hazard at an elderly-care home with residents exposed is due in 7 days,
        // reminded 2 days before; the township assigned a deadline a day earlier, and the reminder moved with it
        assertThat(hazard.path("grade").asText()).isEqualTo("GENERAL");
        assertThat(hazard.path("criterionCode").asText()).isEqualTo("GEN-FIRE");
        assertThat(hazard.path("rectificationDeadline").asText()).isEqualTo(foundOn.plusDays(6).toString());
        assertThat(hazard.path("reminderOn").asText()).isEqualTo(foundOn.plusDays(4).toString());
        assertThat(hazard.path("supervisionLevel").asText()).isEqualTo("TOWNSHIP");
        assertThat(hazard.path("responsibleUnit").asText()).isEqualTo("安澜县社会福利中心");
        assertThat(texts(hazard.path("history"), "to")).containsSubsequence("REPORTED", "ASSIGNING", "RECTIFYING",
                "AWAITING_VERIFICATION", "VERIFIED", "CLOSED");
        assertThat(hazard.path("statusLabel").asText()).isEqualTo("已销号");
        assertThat(hazard.path("closedAt").isNull()).isFalse();
        assertThat(hazard.path("processInstanceKey").asLong()).isPositive();
        assertThat(hazard.path("rectifications").get(0).path("funds").decimalValue()).isEqualByComparingTo("1200.50");
        assertThat(hazard.path("verifications").get(0).path("passed").asBoolean()).isTrue();
        assertThat(texts(hazard.path("tasks"), "kind")).containsExactly("ASSIGNMENT", "RECTIFICATION", "VERIFICATION");
        assertThat(texts(hazard.path("tasks"), "status")).containsOnly("COMPLETED");

        List<String> steps = jdbc.queryForList("""
                select concat(type, '@', coalesce(element_id, '-')) from ledger_event
                where subject_type = 'HAZARD' and subject_id = ? order by id""", String.class, hazardId);
        assertThat(steps).containsExactly("HAZARD_REPORTED@-", "HAZARD_GRADED@Task_RecordGrading",
                "HAZARD_STEP_RECORDED@Task_RecordAssignment", "HAZARD_STEP_RECORDED@Task_RecordRectification",
                "HAZARD_STEP_RECORDED@Task_RecordVerification", "HAZARD_CLOSED@Task_CloseHazard");
        assertThat(jdbc.queryForObject("select count(distinct process_instance_key) from ledger_event where subject_type = 'HAZARD' and subject_id = ? and process_instance_key is not null",
                Long.class, hazardId)).isEqualTo(1L);
        theHazardListShowsItAsClosed(hazardId, hazard.path("code").asText());
        // every event so far is sealed into one unbroken chain
        Api.Reply chain = api.get("admin", "/api/admin/event-chain");
        assertThat(chain.body().path("intact").asBoolean()).as(chain.body().toString()).isTrue();
        assertThat(chain.body().path("sealedEvents").asLong()).isEqualTo(count("ledger_event"));
        assertThat(api.get("fuli", "/api/admin/event-chain").status()).isEqualTo(403);

        Api.Reply late = api.upload("inst001", "/api/hazards/" + hazardId + "/attachments", "late.pdf", "%PDF-1.4 late".getBytes());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.detail()).contains("已销号");
    }

    @Test
    void aFailedVerificationSendsTheInstitutionBackToWork() {
        long hazardId = api.post("inspector2", "/api/hazards", hazardJson(institutionId, today)).body().path("id").asLong();
        assign(hazardId, today.plusDays(7));
        long first = awaitTask("inst001", hazardId, "RECTIFICATION");
        api.post("inst001", "/api/tasks/" + first + "/complete", rectificationJson());
        long verification = awaitTask("inspector2", hazardId, "VERIFICATION");
        String newDeadline = today.plusDays(15).toString();
        Api.Reply failed = api.post("inspector2", "/api/tasks/" + verification + "/complete",
                "{\"passed\": false, \"opinion\": \"通道仍有杂物\", \"newDeadline\": \"" + newDeadline + "\"}");
        assertThat(failed.status()).isEqualTo(200);

        long second = awaitTask("inst001", hazardId, "RECTIFICATION");
        assertThat(second).isNotEqualTo(first);
        JsonNode hazard = api.get("inspector2", "/api/hazards/" + hazardId).body();
        assertThat(hazard.path("status").asText()).isEqualTo("RECTIFYING");
        assertThat(hazard.path("rectificationDeadline").asText()).isEqualTo(newDeadline);
        assertThat(hazard.path("verifications").get(0).path("opinion").asText()).isEqualTo("通道仍有杂物");
    }

    @Test
    void aMajorHazardIsGradedForCountySupervisionAndEmergencyMeasures() {
        JsonNode criteria = api.get("inspector1", "/api/criteria?institutionType=ELDERLY_CARE").body();
        assertThat(texts(criteria, "code")).contains("YL-4-2", "GEN-FIRE").first().asString().startsWith("YL-");
        assertThat(texts(api.get("inspector1", "/api/criteria?institutionType=FUNERAL").body(), "code")).doesNotContain("YL-4-2");
        assertThat(api.get("inspector1", "/api/criteria?institutionType=ZOO").status()).isEqualTo(400);

        long hazardId = api.post("inspector1", "/api/hazards", hazardJson(institutionId, today).replace("GEN-FIRE", "YL-4-2"))
                .body().path("id").asLong();
        long supervision = awaitTask("leader", hazardId, "SUPERVISION");
        assertThat(api.post("leader", "/api/tasks/" + supervision + "/complete", "{\"requirements\": \"立即撤出二楼住养老人，七日内完成消防改造\"}").status()).isEqualTo(200);
        long emergency = awaitTask("inst001", hazardId, "EMERGENCY_MEASURES");
        assertField(api.post("inst001", "/api/tasks/" + emergency + "/complete", "{\"measures\": [], \"takenOn\": \"" + today + "\"}"), 400, "measures");
        assertThat(api.post("inst001", "/api/tasks/" + emergency + "/complete", "{\"measures\": [\"EVACUATE_RESIDENTS\", \"STOP_FACILITY\"], \"takenOn\": \"" + today + "\"}").status()).isEqualTo(200);
        awaitTask("fuli", hazardId, "ASSIGNMENT"); // county-level supervision: the bureau section assigns
        JsonNode hazard = api.get("inspector1", "/api/hazards/" + hazardId).body();
        assertThat(hazard.path("supervisingLeaderId").asLong()).isPositive();
        assertThat(texts(hazard.path("history"), "to")).containsSubsequence("UNDER_SUPERVISION", "EMERGENCY_CONTROL");
        assertThat(hazard.path("grade").asText()).isEqualTo("MAJOR");
        assertThat(hazard.path("gradeLabel").asText()).isEqualTo("重大事故隐患");
        assertThat(hazard.path("supervisionLevel").asText()).isEqualTo("COUNTY");
        assertThat(hazard.path("listedSupervision").asBoolean()).isTrue();
        assertThat(hazard.path("emergencyMeasuresRequired").asBoolean()).isTrue();
        assertThat(hazard.path("rectificationDeadline").asText()).isEqualTo(today.plusDays(30).toString());
    }

    @Test
    void aHazardFixedOnTheSpotIsVerifiedAndClosed() {
        String fixed = hazardJson(institutionId, today).replace("\"foundOn\"", "\"fixedOnSite\": true, \"onSiteMeasures\": \"当场清理通道杂物\", \"foundOn\"");
        assertField(api.post("inspector1", "/api/hazards", fixed.replace("GEN-FIRE", "YL-4-2")), 400, "fixedOnSite");
        assertField(api.post("inspector1", "/api/hazards", fixed.replace("当场清理通道杂物", " ")), 400, "onSiteMeasures");
        long hazardId = api.post("inspector1", "/api/hazards", fixed).body().path("id").asLong();

        long verification = awaitTask("inspector1", hazardId, "VERIFICATION");
        api.post("inspector1", "/api/tasks/" + verification + "/complete", "{\"passed\": true}");
        JsonNode hazard = awaitHazardStatus(hazardId, "CLOSED");
        assertThat(hazard.path("fixedOnSite").asBoolean()).isTrue();
        assertThat(hazard.path("rectifications").get(0).path("measures").asText()).isEqualTo("当场清理通道杂物");
        assertThat(texts(hazard.path("tasks"), "kind")).containsExactly("VERIFICATION");
    }

    @Test
    void anExtensionRequestIsDecidedByTheBureauAndMovesTheDeadline() {
        long hazardId = api.post("inspector1", "/api/hazards", hazardJson(institutionId, today)).body().path("id").asLong();
        String path = "/api/hazards/" + hazardId + "/extension-requests";
        String request = "{\"requestedDeadline\": \"%s\", \"reason\": \"消防改造需等待材料\"}";
        assertThat(api.post("inst001", path, request.formatted(today.plusDays(20))).status()).isEqualTo(409); // not rectifying yet
        assign(hazardId, today.plusDays(5));
        awaitTask("inst001", hazardId, "RECTIFICATION");

        assertField(api.post("inst001", path, request.formatted(today.plusDays(3))), 400, "requestedDeadline");
        assertField(api.post("inst001", path, "{\"reason\": \"x\"}"), 400, "requestedDeadline");
        assertThat(api.post("town1", path, request.formatted(today.plusDays(20))).status()).isEqualTo(403);
        assertThat(api.post("inst030", path, request.formatted(today.plusDays(20))).status()).isEqualTo(404);
        assertThat(api.post("inst001", path, request.formatted(today.plusDays(20))).status()).isEqualTo(201);
        assertThat(api.post("inst001", path, request.formatted(today.plusDays(21))).status()).isEqualTo(409);

        long decision = awaitTask("fuli", hazardId, "EXTENSION");
        assertField(api.post("fuli", "/api/tasks/" + decision + "/complete", "{\"approved\": false}"), 400, "opinion");
        assertThat(api.post("fuli", "/api/tasks/" + decision + "/complete",
                "{\"approved\": true, \"approvedDeadline\": \"" + today.plusDays(15) + "\"}").status()).isEqualTo(200);
        JsonNode hazard = await().atMost(PROCESS_STEP).until(() -> api.get("inst001", "/api/hazards/" + hazardId).body(),
                h -> h.path("rectificationDeadline").asText().equals(today.plusDays(15).toString()));
        assertThat(hazard.path("extensions").get(0).path("status").asText()).isEqualTo("APPROVED");
        assertThat(hazard.path("status").asText()).isEqualTo("RECTIFYING");
        // the same rectification task is still the institution's to complete
        assertThat(awaitTask("inst001", hazardId, "RECTIFICATION")).isPositive();
    }

    @Test
    void theLedgerIsFilteredWithinTheCallersScope() {
        LocalDate longAgo = today.minusDays(45); // only this test reports hazards found then
        String window = "foundFrom=" + longAgo + "&foundTo=" + longAgo;
        String old = hazardJson(institutionId, longAgo).replace("GEN-FIRE", "GEN-OTHER").replace("DEPARTMENT_CHECK", "VIDEO_PATROL");
        long overdue = api.post("inspector1", "/api/hazards", old).body().path("id").asLong();
        long town2Institution = api.get("town2", "/api/institutions").body().path("items").get(0).path("id").asLong();
        long elsewhere = api.post("inspector1", "/api/hazards", hazardJson(town2Institution, longAgo)).body().path("id").asLong();

        // graded 一般隐患 with 30 days, found 45 days ago: overdue as soon as the deadline is recorded
        JsonNode page = await().atMost(PROCESS_STEP).until(() -> api.get("inspector1", "/api/hazards?overdue=true&" + window).body(),
                p -> p.path("total").asLong() == 2);
        assertThat(texts(page.path("items"), "id")).containsExactlyInAnyOrder(Long.toString(overdue), Long.toString(elsewhere));
        assertThat(ids("inspector1", "/api/hazards?" + window + "&source=VIDEO_PATROL")).containsExactly(overdue);
        assertThat(ids("inspector1", "/api/hazards?" + window + "&institutionId=" + institutionId)).containsExactly(overdue);
        assertThat(ids("inspector1", "/api/hazards?" + window + "&grade=GENERAL&institutionType=ELDERLY_CARE")).contains(overdue);
        assertThat(ids("inspector1", "/api/hazards?" + window + "&overdue=false")).isEmpty();
        assertThat(ids("inspector1", "/api/hazards?" + window + "&grade=MAJOR")).isEmpty();
        // data scope: the township sees its own, the institution its own, nobody else's
        assertThat(ids("town1", "/api/hazards?" + window)).containsExactly(overdue);
        assertThat(ids("town2", "/api/hazards?" + window)).containsExactly(elsewhere);
        assertThat(ids("inst001", "/api/hazards?" + window)).containsExactly(overdue);
        assertThat(ids("inst030", "/api/hazards?" + window)).isEmpty();
        long town2Region = jdbc.queryForObject("select region_id from institution where id = ?", Long.class, town2Institution);
        assertThat(ids("inspector1", "/api/hazards?" + window + "&regionId=" + town2Region)).containsExactly(elsewhere);
        assertField(api.get("town1", "/api/hazards?regionId=" + town2Region), 400, "regionId");
        assertField(api.get("town1", "/api/hazards?regionId=987654"), 400, "regionId");
        assertField(api.get("town1", "/api/hazards?foundFrom=" + today + "&foundTo=" + longAgo), 400, "foundFrom");
        assertField(api.get("town1", "/api/hazards?status=LOST"), 400, "status");
        assertField(api.get("town1", "/api/hazards?foundFrom=yesterday"), 400, "foundFrom");
        assertField(api.get("town1", "/api/hazards?size=500"), 400, "size");
    }

    private List<Long> ids(String user, String path) {
        Api.Reply reply = api.get(user, path);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return StreamSupport.stream(reply.body().path("items").spliterator(), false).map(n -> n.path("id").asLong()).toList();
    }

    @Test
    void evidenceIsStoredByItsBytesWithinLimitsAndScope() throws Exception {
        long hazardId = api.post("inspector1", "/api/hazards", hazardJson(institutionId, today)).body().path("id").asLong();
        String path = "/api/hazards/" + hazardId + "/attachments";
        byte[] png = new byte[2048];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        png[100] = 42;

        Api.Reply uploaded = api.upload("inst001", path, "../../etc/整改后.exe.png", png);
        assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(201);
        assertThat(uploaded.body().path("filename").asText()).isEqualTo("整改后.exe.png");
        assertThat(uploaded.body().path("contentType").asText()).isEqualTo("image/png");
        assertThat(uploaded.body().path("size").asLong()).isEqualTo(2048);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(png));
        assertThat(uploaded.body().path("sha256").asText()).isEqualTo(sha);

        var download = api.download("town1", uploaded.body().path("url").asText());
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(png);
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.download("inst030", uploaded.body().path("url").asText()).getStatusCode().value()).isEqualTo(404);
        assertThat(texts(api.get("inst001", path).body(), "sha256")).containsExactly(sha);

        long before = count("attachment");
        Api.Reply exe = api.upload("inst001", path, "photo.jpg", "MZ this is a program".getBytes());
        assertThat(exe.status()).isEqualTo(415);
        assertThat(exe.detail()).contains("JPEG");
        Api.Reply big = api.upload("inst001", path, "big.png", java.util.Arrays.copyOf(png, 65 * 1024));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.detail()).contains("上限");
        assertThat(api.upload("inst001", path, "empty.png", new byte[0]).status()).isEqualTo(400);
        assertThat(api.upload("inst030", path, "x.png", png).status()).isEqualTo(404);
        Api.Reply json = api.post("inst001", path, "{}");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.detail()).contains("multipart/form-data");
        assertThat(count("attachment")).isEqualTo(before);
    }

    @Test
    void badReportsAreRejectedNamingTheProblemAndStoreNothing() {
        long before = count("hazard");
        String yesterday = today.minusDays(1).toString();

        assertField(api.post("inspector1", "/api/hazards", hazardJson(987654, today)), 400, "institutionId");
        Api.Reply empty = api.post("inspector1", "/api/hazards", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(texts(empty.fieldErrors(), "field")).containsExactly("criterionCode", "description", "foundOn", "institutionId", "source");
        assertField(api.post("inspector1", "/api/hazards", "{\"institutionId\": \"abc\"}"), 400, "institutionId");
        assertField(api.post("inspector1", "/api/hazards", hazardJson(institutionId, today).replace(yesterday, "x")
                .replace(today.toString(), "yesterday")), 400, "foundOn");
        assertField(api.post("inspector1", "/api/hazards", hazardJson(institutionId, today).replace("GEN-FIRE", "GEN-FLOOD")), 400, "criterionCode");
        Api.Reply badSource = api.post("inspector1", "/api/hazards", hazardJson(institutionId, today).replace("DEPARTMENT_CHECK", "RUMOUR"));
        assertField(badSource, 400, "source");
        assertThat(badSource.detail()).contains("SELF_CHECK", "WHISTLEBLOWER");
        assertField(api.post("inspector1", "/api/hazards", hazardJson(institutionId, today).replace("{", "{\"colour\": 1, ")), 400, "colour");
        assertField(api.post("inspector1", "/api/hazards", hazardJson(institutionId, today.plusDays(3))), 400, "foundOn");
        assertThat(api.post("inspector1", "/api/hazards", "not json").status()).isEqualTo(400);
        assertField(api.post("inst030", "/api/hazards", hazardJson(institutionId, today)), 400, "institutionId");
        assertThat(api.post(null, "/api/hazards", hazardJson(institutionId, today)).status()).isEqualTo(401);
        assertThat(api.exchange("inspector1", "wrong", HttpMethod.POST, "/api/hazards", hazardJson(institutionId, today)).status()).isEqualTo(401);
        assertThat(api.get("inspector1", "/api/hazards/987654").status()).isEqualTo(404);
        assertThat(api.get("inspector1", "/api/hazards/abc").status()).isEqualTo(400);

        assertThat(count("hazard")).isEqualTo(before);
    }

    /**
     * A double-clicked submit: two requests of the same completion at once. One is taken, the other told the task is
     * done; the process hears of it once, and the same completion published to the engine again changes nothing.
     */
    @Test
    void aDoubleClickedSubmitIsTakenOnce() throws Exception {
        long hazardId = api.post("inspector1", "/api/hazards", hazardJson(institutionId, today)).body().path("id").asLong();
        long assignment = awaitTask("town1", hazardId, "ASSIGNMENT");
        String path = "/api/tasks/" + assignment + "/complete";
        String form = assignmentJson(today.plusDays(7));
        CountDownLatch click = new CountDownLatch(1);
        List<CompletableFuture<Api.Reply>> clicks = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                click.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return api.post("town1", path, form);
        })).toList();
        click.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (CompletableFuture<Api.Reply> reply : clicks) {
            statuses.add(reply.get(60, TimeUnit.SECONDS).status());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        awaitTask("inst001", hazardId, "RECTIFICATION");

        processes.publishTaskCompleted(assignment); // the same completion once more, as a retry after an unclear failure would
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("select count(*) from inbox_task where subject_id = ? and kind = 'RECTIFICATION'", Long.class, hazardId) == 1
                        && jdbc.queryForObject("select count(*) from hazard_status_change where hazard_id = ? and to_status = 'RECTIFYING'",
                        Long.class, hazardId) == 1
                        && jdbc.queryForObject("select count(*) from ledger_event e join inbox_task t on e.subject_id = t.id "
                        + "where e.type = 'TASK_COMPLETED' and e.subject_type = 'TASK' and t.id = ?", Long.class, assignment) == 1);
    }

    @Test
    void onlyTheTasksOwnerCompletesItOnceAndWithAValidForm() {
        long hazardId = api.post("inspector1", "/api/hazards", hazardJson(institutionId, today)).body().path("id").asLong();
        long assignment = awaitTask("town1", hazardId, "ASSIGNMENT");
        assertField(api.post("town1", "/api/tasks/" + assignment + "/complete", assignmentJson(today.plusDays(8))), 400, "deadline");
        assertField(api.post("town1", "/api/tasks/" + assignment + "/complete", assignmentJson(today.minusDays(1))), 400, "deadline");
        assertField(api.post("town1", "/api/tasks/" + assignment + "/complete", "{\"deadline\": \"" + today + "\"}"), 400, "responsibleUnit");
        assertThat(api.post("town1", "/api/tasks/" + assignment + "/complete", assignmentJson(today.plusDays(7))).status()).isEqualTo(200);
        long task = awaitTask("inst001", hazardId, "RECTIFICATION");
        String path = "/api/tasks/" + task + "/complete";

        assertThat(api.post("town1", path, rectificationJson()).status()).isEqualTo(403);
        assertThat(api.post("town1", path, rectificationJson()).detail()).contains("机构负责人");
        assertThat(api.post("inst030", path, rectificationJson()).status()).isEqualTo(404);
        assertThat(api.post("inspector1", path, rectificationJson()).status()).isEqualTo(403);
        assertField(api.post("inst001", path, rectificationJson().replace("\"measures\"", "\"measure\"")), 400, "measure");
        assertField(api.post("inst001", path, "{\"responsiblePerson\": \"王建国\", \"completedOn\": \"" + today + "\"}"), 400, "measures");
        assertField(api.post("inst001", path, rectificationJson().replace("1200.50", "\"lots\"")), 400, "funds");
        assertField(api.post("inst001", path, rectificationJson().replace("1200.50", "-5")), 400, "funds");
        assertField(api.post("inst001", path, rectificationJson().replace(today.toString(), today.plusDays(1).toString())), 400, "completedOn");
        assertField(api.post("inst001", path, "[1, 2]"), 400, "body");
        assertThat(api.post("inst001", "/api/tasks/987654/complete", rectificationJson()).status()).isEqualTo(404);
        assertThat(api.get("inst001", "/api/tasks/" + task).body().path("status").asText()).isEqualTo("OPEN");

        assertThat(api.post("inst001", path, rectificationJson()).status()).isEqualTo(200);
        Api.Reply again = api.post("inst001", path, rectificationJson());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("已办结");
        awaitTask("inspector1", hazardId, "VERIFICATION");
        assertThat(jdbc.queryForObject("select count(*) from hazard_rectification where hazard_id = ?", Long.class, hazardId)).isEqualTo(1L);
    }

    /** The 清单 in all three forms shows 五落实 as assigned, who accepted the rectification and when it was closed. */
    private void theHazardListShowsItAsClosed(long hazardId, String code) {
        String filter = "?institutionId=" + institutionId + "&foundFrom=" + today.minusDays(1);
        Api.Reply list = api.get("town1", "/api/reports/hazard-list" + filter);
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        JsonNode row = StreamSupport.stream(list.body().spliterator(), false)
                .filter(r -> r.path("id").asLong() == hazardId).findFirst().orElseThrow();
        assertThat(row.path("code").asText()).isEqualTo(code);
        assertThat(row.path("township").asText()).isEqualTo("城关镇");
        assertThat(row.path("measures").asText()).isEqualTo("清理通道，加装防火门");
        assertThat(row.path("funds").decimalValue()).isEqualByComparingTo("5000");
        assertThat(row.path("temporaryControls").asText()).isEqualTo("专人值守通道");
        assertThat(row.path("acceptedBy").asText()).isEqualTo("钱检查");
        assertThat(row.path("acceptedOn").asText()).isEqualTo(today.toString());
        assertThat(row.path("status").asText()).isEqualTo("CLOSED");

        ResponseEntity<byte[]> file = api.download("town1", "/api/reports/hazard-list.xlsx" + filter);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("城关镇安全隐患排查整治清单");
            assertThat(sheet.getRow(2).getCell(14).getStringCellValue()).isEqualTo("整改措施");
            Row hazardRow = StreamSupport.stream(sheet.spliterator(), false)
                    .filter(r -> r.getRowNum() > 2 && r.getCell(4) != null && code.equals(r.getCell(4).getStringCellValue()))
                    .findFirst().orElseThrow();
            assertThat(hazardRow.getCell(1).getStringCellValue()).isEqualTo("城关镇");
            assertThat(hazardRow.getCell(14).getStringCellValue()).isEqualTo("清理通道，加装防火门");
            assertThat(hazardRow.getCell(15).getNumericCellValue()).isEqualTo(5000.0);
            assertThat(hazardRow.getCell(18).getStringCellValue()).isEqualTo("已销号");
            assertThat(hazardRow.getCell(19).getStringCellValue()).isEqualTo("钱检查");
            assertThat(hazardRow.getCell(20).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(today);
            assertThat(hazardRow.getCell(21).getStringCellValue()).isEqualTo("否");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("填报人：");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        ResponseEntity<byte[]> csv = api.download("town1", "/api/reports/hazard-list.csv" + filter);
        String text = new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF序号,乡镇,机构名称");
        assertThat(text.lines().filter(l -> l.contains(code)).findFirst().orElseThrow())
                .contains(",城关镇,", ",清理通道，加装防火门,5000", ",已销号,钱检查," + today + ",否,");
        // another township's officer finds nothing of it
        assertThat(api.get("town2", "/api/reports/hazard-list" + filter).body()).isEmpty();
    }

    private void assign(long hazardId, LocalDate deadline) {
        long task = awaitTask("town1", hazardId, "ASSIGNMENT");
        Api.Reply assigned = api.post("town1", "/api/tasks/" + task + "/complete", assignmentJson(deadline));
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
    }

    static String assignmentJson(LocalDate deadline) {
        return """
                {"responsibleUnit": "安澜县社会福利中心", "responsiblePerson": "李建国", "measures": "清理通道，加装防火门",
                 "funds": 5000, "deadline": "%s", "temporaryControls": "专人值守通道"}""".formatted(deadline);
    }

    private long awaitTask(String user, long hazardId, String kind) {
        return await().atMost(PROCESS_STEP).pollInterval(Duration.ofMillis(100)).until(() ->
                StreamSupport.stream(api.get(user, "/api/tasks").body().spliterator(), false)
                        .filter(t -> t.path("subjectId").asLong() == hazardId && t.path("kind").asText().equals(kind))
                        .map(t -> t.path("id").asLong()).findFirst().orElse(null), id -> id != null);
    }

    private JsonNode awaitHazardStatus(long hazardId, String status) {
        return await().atMost(PROCESS_STEP).pollInterval(Duration.ofMillis(100)).until(
                () -> api.get("inspector1", "/api/hazards/" + hazardId).body(), h -> h.path("status").asText().equals(status));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static void assertField(Api.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(texts(reply.fieldErrors(), "field")).as(reply.body().toString()).contains(field);
        assertThat(reply.detail()).contains(field);
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    static String hazardJson(long institutionId, LocalDate foundOn) {
        return """
                {"institutionId": %d, "description": "二楼消防通道堆放杂物", "location": "二楼走廊",
                 "criterionCode": "GEN-FIRE", "residentsExposed": true, "source": "DEPARTMENT_CHECK", "foundOn": "%s"}""".formatted(institutionId, foundOn);
    }

    String rectificationJson() {
        return """
                {"measures": "清理杂物，张贴禁止堆放标识", "responsiblePerson": "王建国", "funds": 1200.50,
                 "completedOn": "%s", "evidence": "整改前后照片各2张"}""".formatted(today);
    }
}
