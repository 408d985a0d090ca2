package com.civilsafety.app.campaign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ResponseEntity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.Photos;
import com.civilsafety.app.testsupport.EngineTime;
import com.civilsafety.ledger.common.LedgerTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import com.civilsafety.app.testsupport.WorkerAnswers;
import com.civilsafety.engine.model.ProcessModelCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import com.civilsafety.ledger.notification.NotificationRelay;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whole campaigns over the demo county, through the real engine, workers and ledger, with the engine's clock (and the
 * ledger's with it) moved from mobilisation to summary: a 绩溪-style five-phase year with late townships and
 * institutions, a 长期零报告 institution and hazards flowing into their loops; a 泽州-style three-year schedule with
 * its recurring duties. Its own database and engine, as it moves time; run against each supported database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CampaignRunContract {
    private static final Duration STEP = Duration.ofSeconds(60);


    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NotificationRelay relay;
    @Autowired
    ProcessModelCheck modelCheck;
    @Autowired
    EngineTime time;

    Api api;
    LocalDate day0;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        day0 = time.today();
    }

    @AfterEach
    void everyWorkerAnsweredWithTheVariablesItDeclares() {
        WorkerAnswers.assertDeclared(jdbc, modelCheck.workers());
    }

    @Test
    @Order(1)
    void aFivePhaseCampaignRunsFromMobilisationToSummary() {
        long county = jdbc.queryForObject("select id from region where code = '990121'", Long.class);
        long inst1 = institution("安澜县社会福利中心");
        long inst2 = institution("安澜县儿童福利院");
        // 安澜县儿童福利院 reported no hazard in the county's previous campaign either
        jdbc.update("update institution set zero_report_streak = 1 where id = ?", inst2);
        long inScope = jdbc.queryForObject("select count(*) from institution where type in ('ELDERLY_CARE', 'CHILD_WELFARE')",
                Long.class);
        // 总结 ends on an 18th, whatever today is: that month's 《清单》《调度表》 (townships by the 16th) belong to the
        // campaign, and its county consolidation falls due on the 20th (or the working day after), after the last phase
        // has ended
        LocalDate lastDay = onOrAfter(day0.plusDays(50), 18);

        Api.Reply created = api.post("fuli", "/api/campaigns", """
                {"name": "民政服务机构重大事故隐患专项排查整治", "leadOrganisation": "安澜县民政局", "regionIds": [%d],
                 "institutionTypes": ["ELDERLY_CARE", "CHILD_WELFARE"],
                 "phases": [{"kind": "MOBILISATION", "startsOn": "%s", "endsOn": "%s"},
                            {"kind": "SELF_CHECK", "startsOn": "%s", "endsOn": "%s"},
                            {"kind": "DEPARTMENT_CHECK", "startsOn": "%s", "endsOn": "%s"},
                            {"kind": "SUPERVISION", "startsOn": "%s", "endsOn": "%s"},
                            {"kind": "SUMMARY", "startsOn": "%s", "endsOn": "%s"}],
                 "deliverables": [{"kind": "TOWNSHIP_PLAN", "dueOn": "%s"}, {"kind": "STAGE_SUMMARY", "dueOn": "%s"}],
                 "inspection": {"mode": "FULL", "inspectorsPerInstitution": 2, "unannounced": true},
                 "recurringDuties": false}""".formatted(county, day(1), day(5), day(6), day(20), day(21), day(30),
                day(31), day(40), day(41), lastDay, day(10), day(35)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(created.body().path("processInstanceKey").asLong()).isPositive();

        // 动员部署: every institution in scope is notified, every township owes its plan
        passTo(day(1), LedgerTime.WORKDAY_START.plusHours(1));
        long notice = awaitTask("inst001", "NOTICE");
        long plan = awaitTask("town1", "DELIVERABLE");
        assertThat(count("select count(*) from campaign_work where campaign_id = ? and kind = 'NOTICE'", id)).isEqualTo(inScope);
        // what is signed for: the phases with their dates, and what the institution itself owes
        JsonNode signedFor = api.get("inst001", "/api/campaign-tasks/" + notice).body().path("notice");
        assertThat(signedFor.path("leadOrganisation").asText()).isEqualTo("安澜县民政局");
        assertThat(texts(signedFor.path("phases"), "name")).hasSize(5).startsWith("动员部署");
        assertThat(signedFor.path("phases").get(1).path("from").asText()).isEqualTo(day(6));
        assertThat(texts(signedFor.path("owed"), "name")).as("a self-check, not the townships' plan nor the bureau's summary")
                .singleElement().asString().contains("自查");
        assertThat(api.post("inst001", "/api/tasks/" + notice + "/complete", "{\"signedBy\": \"李建国\"}").status()).isEqualTo(200);
        assertThat(api.post("town1", "/api/tasks/" + plan + "/complete", """
                {"title": "城关镇专项排查整治方案", "content": "成立工作专班，逐家排查。", "signedBy": "周镇长"}""").status())
                .isEqualTo(200);

        // 机构自查: one self-check per institution, its checklist by institution type
        passTo(day(6), LocalTime.of(1, 0));
        long selfCheck1 = awaitTask("inst001", "SELF_CHECK");
        long selfCheck2 = awaitTask("inst002", "SELF_CHECK");
        assertThat(count("select count(*) from campaign_work where campaign_id = ? and kind = 'SELF_CHECK'", id)).isEqualTo(inScope);
        JsonNode form = api.get("inst001", "/api/campaign-tasks/" + selfCheck1).body();
        List<String> checklist = texts(form.path("checklist"), "criterionCode");
        assertThat(checklist).contains("GEN-FIRE").isNotEmpty();
        assertThat(api.get("inst002", "/api/campaign-tasks/" + selfCheck1).status()).isEqualTo(404);

        // the township plans were due on day 10: the county section follows up on the late townships
        passTo(day(11), LocalTime.of(1, 0));
        await().atMost(STEP).until(() -> taskTitles("fuli", "LATE_FOLLOW_UP").stream().anyMatch(t -> t.contains("乡镇专项方案")));
        assertThat(count("select count(*) from campaign_work where campaign_id = ? and kind = 'DELIVERABLE' and status = 'SUBMITTED' and not late", id))
                .isEqualTo(1);
        assertThat(count("select count(*) from campaign_work where campaign_id = ? and kind = 'DELIVERABLE' and status = 'OPEN' and not late", id))
                .isZero();

        // a checklist must be answered whole, and a 否 must say what is wrong
        String partial = selfCheckJson(checklist.subList(0, 1), null);
        assertField(api.post("inst001", "/api/tasks/" + selfCheck1 + "/complete", partial), "items");
        assertField(api.post("inst001", "/api/tasks/" + selfCheck1 + "/complete",
                selfCheckJson(checklist, "GEN-FIRE").replace("\"疏散通道堆放杂物\"", "null")), "items[");
        // a photo of the 存在 item, uploaded to the task: another institution cannot add one, nor an item name a stranger's
        long photo = api.upload("inst001", "/api/tasks/" + selfCheck1 + "/attachments", "fire-exit.png", Photos.PNG).body().path("id").asLong();
        assertThat(api.upload("inst002", "/api/tasks/" + selfCheck1 + "/attachments", "x.png", Photos.PNG).status()).isEqualTo(404);
        assertThat(api.get("inst002", "/api/attachments/" + photo).status()).isEqualTo(404);
        long stranger = api.upload("inst002", "/api/tasks/" + selfCheck2 + "/attachments", "y.png", Photos.PNG).body().path("id").asLong();
        // whether residents are exposed is answered, never assumed
        assertField(api.post("inst001", "/api/tasks/" + selfCheck1 + "/complete",
                selfCheckJson(checklist, "GEN-FIRE").replace(", \"residentsExposed\": false", "")), "items[");
        String withPhoto = selfCheckJson(checklist, "GEN-FIRE").replace("\"location\": \"二楼走廊\", \"residentsExposed\": false",
                "\"location\": \"二楼走廊\", \"photoIds\": [%d], \"residentsExposed\": true");
        assertField(api.post("inst001", "/api/tasks/" + selfCheck1 + "/complete", withPhoto.formatted(stranger)), "items[");
        assertThat(api.post("inst001", "/api/tasks/" + selfCheck1 + "/complete", withPhoto.formatted(photo)).status())
                .isEqualTo(200);
        List<String> checklist2 = texts(api.get("inst002", "/api/campaign-tasks/" + selfCheck2).body().path("checklist"), "criterionCode");
        assertThat(api.post("inst002", "/api/tasks/" + selfCheck2 + "/complete", selfCheckJson(checklist2, null)).status())
                .isEqualTo(200);

        // the 否 item is a hazard in its rectification loop, found by self-check within this campaign
        long hazard = await().atMost(STEP).until(() -> jdbc.queryForList(
                "select id from hazard where campaign_id = ? and process_instance_key is not null and source = 'SELF_CHECK'",
                Long.class, id).stream().findFirst().orElse(null), h -> h != null);
        assertThat(api.get("fuli", "/api/hazards/" + hazard).body().path("institutionId").asLong()).isEqualTo(inst1);
        assertThat(api.get("fuli", "/api/hazards/" + hazard).body().path("residentsExposed").asBoolean())
                .as("the grading fact a self-check item records, as a direct report does").isTrue();
        assertThat(texts(api.get("fuli", "/api/hazards/" + hazard + "/attachments").body(), "filename"))
                .as("the item's photo is the hazard's first evidence").containsExactly("fire-exit.png");

        // 部门检查 opens as self-checking closes: the late are escalated, the zero-reporter flagged, inspectors assigned
        passTo(day(21), LocalTime.of(1, 0));
        await().atMost(STEP).until(() -> count("select count(*) from campaign_work where campaign_id = ? and kind = 'INSPECTION'", id) == inScope);
        assertThat(count("select count(*) from campaign_work where campaign_id = ? and kind = 'SELF_CHECK' and late", id))
                .isEqualTo(inScope - 2);
        assertThat(taskTitles("town1", "LATE_FOLLOW_UP")).anyMatch(t -> t.contains("机构自查整改"));
        assertThat(StreamSupport.stream(api.get("fuli", "/api/institutions?size=100").body().path("items").spliterator(), false)
                .filter(i -> i.path("zeroReportFlagged").asBoolean()).map(i -> i.path("id").asLong()).toList()).containsExactly(inst2);
        JsonNode phases = api.get("fuli", "/api/campaigns/" + id).body().path("phases");
        assertThat(phases.get(2).path("status").asText()).isEqualTo("OPEN");
        assertThat(phases.get(2).path("drawSeed").isNumber()).isTrue();
        assertThat(count("""
                select count(*) from campaign_work w join institution i on i.id = w.institution_id
                where w.campaign_id = ? and w.kind = 'INSPECTION' and concat(',', w.inspector_ids, ',') like concat('%,', i.cadre_id, ',%')""", id))
                .as("no inspector checks an institution he is 包保 for").isZero();
        // 四不两直: the institution does not see the inspection coming; its inspector does
        assertThat(texts(api.get("inst001", "/api/institutions/" + inst1 + "/campaigns").body(), "work"))
                .contains("SELF_CHECK", "NOTICE").doesNotContain("INSPECTION");
        long inspectionTask = jdbc.queryForObject("select task_id from campaign_work where campaign_id = ? and kind = 'INSPECTION' and institution_id = ?",
                Long.class, id, inst1);
        String inspector = jdbc.queryForObject("select p.username from inbox_task t join person p on p.id = t.assignee_id where t.id = ?",
                String.class, inspectionTask);
        // nor by trying task numbers, nor by redoing the draw: its seed is the bureau's
        assertThat(api.get("inst001", "/api/tasks/" + inspectionTask).status()).isEqualTo(404);
        assertThat(api.get("inst001", "/api/campaign-tasks/" + inspectionTask).status()).isEqualTo(404);
        assertThat(api.get("inst001", "/api/campaigns/" + id).body().path("phases").get(2).path("drawSeed").isNull()).isTrue();
        Api.Reply inspected = api.post(inspector, "/api/tasks/" + inspectionTask + "/complete", """
                {"inspectedOn": "%s", "signedBy": "钱检查、何专家", "notes": "四不两直检查",
                 "findings": [{"criterionCode": "GEN-ELECTRICAL", "description": "厨房私拉电线", "location": "厨房",
                               "residentsExposed": true}]}"""
                .formatted(day(21)));
        assertThat(inspected.status()).as(inspected.body().toString()).isEqualTo(200);
        await().atMost(STEP).until(() -> count("select count(*) from hazard where campaign_id = ? and source = 'DEPARTMENT_CHECK' and process_instance_key is not null", id) == 1);
        // graded on the facts a direct report carries: an electrical hazard residents are exposed to, in a care home,
        // gets 7 days (15 without the exposure) — docs/processes.md, 隐患定级
        await().atMost(STEP).until(() -> jdbc.queryForObject("""
                select rectification_deadline from hazard where campaign_id = ? and source = 'DEPARTMENT_CHECK'""", LocalDate.class, id) != null);
        assertThat(jdbc.queryForObject("select residents_exposed from hazard where campaign_id = ? and source = 'DEPARTMENT_CHECK'",
                Boolean.class, id)).isTrue();
        assertThat(jdbc.queryForObject("select rectification_deadline from hazard where campaign_id = ? and source = 'DEPARTMENT_CHECK'",
                LocalDate.class, id)).isEqualTo(LocalDate.parse(day(21)).plusDays(7));

        // the bureau moves 督导检查 later and extends 部门检查 into the freed days: the running phase waits longer
        assertField(api.post("fuli", "/api/campaigns/" + id + "/phases/3/reschedule",
                "{\"endsOn\": \"%s\", \"reason\": \"延长检查\"}".formatted(day(33))), "endsOn");
        long datesRead = count("select count(*) from processed_job where job_type = 'campaign.phase-dates'");
        assertThat(api.post("fuli", "/api/campaigns/" + id + "/phases/4/reschedule",
                "{\"startsOn\": \"%s\", \"endsOn\": \"%s\", \"reason\": \"检查延期\"}".formatted(day(34), day(40))).status()).isEqualTo(200);
        assertThat(api.post("fuli", "/api/campaigns/" + id + "/phases/3/reschedule",
                "{\"endsOn\": \"%s\", \"reason\": \"部分机构未检查完\"}".formatted(day(33))).status()).isEqualTo(200);
        assertThat(jdbc.queryForList("select distinct due_on from campaign_work where campaign_id = ? and kind = 'INSPECTION' and status = 'OPEN'",
                LocalDate.class, id)).as("the inspections still owed are owed by the new end").containsOnly(LocalDate.parse(day(33)));
        // the running phase re-reads its dates before time moves on (the phase not yet started reads them when it starts)
        await().atMost(STEP).until(() -> count("select count(*) from processed_job where job_type = 'campaign.phase-dates'") == datesRead + 1);
        passTo(day(31), LocalTime.of(12, 0));
        sleepAWhile();
        assertThat(phaseStatus(id, 2)).isEqualTo("OPEN");
        passTo(day(34), LocalTime.of(1, 0));
        await().atMost(STEP).until(() -> phaseStatus(id, 2).equals("CLOSED") && phaseStatus(id, 3).equals("OPEN"));
        // 督导检查: the work group visits a tenth of the institutions, the 长期零报告 one among them
        assertThat(jdbc.queryForList("select institution_id from campaign_work where campaign_id = ? and kind = 'SUPERVISION_VISIT'",
                Long.class, id)).hasSizeBetween((int) Math.ceil(inScope / 10.0), (int) Math.ceil(inScope / 10.0) + 1).contains(inst2);

        // the stage summary is drafted from the ledger's figures
        long summaryTask = awaitTask("fuli", "DELIVERABLE");
        assertThat(api.get("fuli", "/api/campaign-tasks/" + summaryTask).body().path("draft").asText())
                .contains("共排查发现隐患 2 条").contains("自查应报 " + inScope + " 家，已报 2 家");

        // progress: per phase, per township and institution type
        JsonNode progress = api.get("fuli", "/api/campaigns/" + id + "/progress").body().path("slots");
        JsonNode selfChecks = StreamSupport.stream(progress.spliterator(), false).filter(s -> s.path("slot").asText().equals("P2"))
                .findFirst().orElseThrow();
        assertThat(selfChecks.path("total").path("owed").asLong()).isEqualTo(inScope);
        assertThat(selfChecks.path("total").path("submitted").asLong()).isEqualTo(2);
        assertThat(selfChecks.path("total").path("open").asLong()).isEqualTo(inScope - 2);
        assertThat(texts(selfChecks.path("rows"), "region")).contains("城关镇");
        JsonNode town1Progress = api.get("town1", "/api/campaigns/" + id + "/progress").body().path("slots");
        assertThat(StreamSupport.stream(town1Progress.spliterator(), false).flatMap(s -> texts(s.path("rows"), "region").stream())
                .distinct().toList()).containsOnly("城关镇");
        // an institution sees its own part, not how its neighbours are doing
        JsonNode ownProgress = api.get("inst001", "/api/campaigns/" + id + "/progress").body().path("slots");
        JsonNode ownSelfCheck = StreamSupport.stream(ownProgress.spliterator(), false)
                .filter(s -> s.path("slot").asText().equals("P2")).findFirst().orElseThrow();
        assertThat(ownSelfCheck.path("total").path("owed").asLong()).isEqualTo(1);
        assertThat(ownSelfCheck.path("total").path("submitted").asLong()).isEqualTo(1);
        assertThat(StreamSupport.stream(ownProgress.spliterator(), false).map(s -> s.path("total").path("owed").asLong()))
                .as("one piece of work per stage at most: its own, nobody else's").allMatch(owed -> owed <= 1);

        // 催办 from progress: the list of who has not submitted is the slot's open count; reminded owners see it
        JsonNode outstanding = api.get("fuli", "/api/campaigns/" + id + "/outstanding?slot=P2").body();
        assertThat((long) outstanding.size()).isEqualTo(selfChecks.path("total").path("open").asLong());
        assertThat(texts(api.get("town1", "/api/campaigns/" + id + "/outstanding?slot=P2").body(), "township"))
                .isNotEmpty().containsOnly("城关镇");
        assertThat(api.get("inst001", "/api/campaigns/" + id + "/outstanding?slot=P2").status()).isEqualTo(403);
        assertField(api.post("fuli", "/api/campaigns/" + id + "/reminders", "{\"slot\": \"P2\", \"taskIds\": [-1]}"), "taskIds");
        JsonNode first = outstanding.get(0);
        long firstTask = first.path("taskId").asLong();
        assertThat(api.post("fuli", "/api/campaigns/" + id + "/reminders",
                "{\"slot\": \"P2\", \"taskIds\": [" + firstTask + "], \"message\": \"请于本周内完成自查\"}")
                .body().path("reminded").asInt()).isEqualTo(1);
        JsonNode remindedTask = api.get("fuli", "/api/tasks/" + firstTask).body();
        assertThat(remindedTask.path("remindedCount").asInt()).isEqualTo(first.path("remindedCount").asInt() + 1);
        assertThat(remindedTask.path("reminderNote").asText()).contains("请于本周内完成自查");
        assertThat(api.post("fuli", "/api/campaigns/" + id + "/reminders", "{\"slot\": \"P2\"}").body().path("reminded").asInt())
                .as("催办 without a selection reminds every one not yet submitted").isEqualTo(outstanding.size());
        // 已办: the self-check inst001 submitted is in its done list, not in another institution's
        JsonNode done = api.get("inst001", "/api/tasks/done?kind=SELF_CHECK&size=200").body().path("items");
        assertThat(texts(done, "id")).contains(String.valueOf(selfCheck1));
        assertThat(texts(done, "status")).containsOnly("COMPLETED");
        assertThat(texts(api.get("inst003", "/api/tasks/done?kind=SELF_CHECK&size=200").body().path("items"), "id"))
                .doesNotContain(String.valueOf(selfCheck1));
        assertField(api.get("inst001", "/api/tasks/done?size=0"), "size");

        // 督导检查 closed early with a reason; then 总结 runs out and the campaign ends
        assertField(api.post("fuli", "/api/campaigns/" + id + "/phases/4/close", "{\"reason\": \" \"}"), "reason");
        assertThat(api.post("fuli", "/api/campaigns/" + id + "/phases/4/close", "{\"reason\": \"提前完成督导\"}").status()).isEqualTo(200);
        await().atMost(STEP).until(() -> phaseStatus(id, 3).equals("CLOSED"));
        // the rule: a campaign ends when its last phase has ended and its last month's reports are consolidated (the
        // county's step of every month whose 16th falls within the campaign ends on the 20th)
        passTo(lastDay.plusDays(1).toString(), LocalTime.of(1, 0));
        await().atMost(STEP).until(() -> phaseStatus(id, 4).equals("CLOSED"));
        sleepAWhile();
        assertThat(campaignStatus(id)).as("the month's county consolidation is still due").isEqualTo("ACTIVE");
        passTo(dispatchDate(id, YearMonth.from(lastDay), "countyDueAt").plusHours(1));
        await().atMost(STEP).until(() -> campaignStatus(id).equals("CLOSED"));
    }

    /** The first day on or after {@code from} that is the given day of its month. */
    private static LocalDate onOrAfter(LocalDate from, int dayOfMonth) {
        LocalDate candidate = from.withDayOfMonth(dayOfMonth);
        return candidate.isBefore(from) ? candidate.plusMonths(1) : candidate;
    }

    private String campaignStatus(long id) {
        return api.get("fuli", "/api/campaigns/" + id).body().path("status").asText();
    }

    @Test
    @Order(2)
    void aThreeYearCampaignTracksItsRecurringDutiesAndCanBeCancelled() {
        long county = jdbc.queryForObject("select id from region where code = '990121'", Long.class);
        long inScope = jdbc.queryForObject("select count(*) from institution where type = 'FUNERAL'", Long.class);
        Api.Reply created = api.post("shishi", "/api/campaigns", """
                {"name": "殡葬服务机构安全生产治本攻坚三年行动", "leadOrganisation": "安澜县民政局", "regionIds": [%d],
                 "institutionTypes": ["FUNERAL"],
                 "phases": [{"kind": "MOBILISATION", "startsOn": "%s", "endsOn": "%s"},
                            {"kind": "FOCUSED_REMEDIATION", "startsOn": "%s", "endsOn": "%s"},
                            {"kind": "ROOT_CAUSE", "startsOn": "%s", "endsOn": "%s"},
                            {"kind": "EVALUATION", "startsOn": "%s", "endsOn": "%s"}],
                 "deliverables": [{"kind": "OVERALL_SUMMARY", "dueOn": "%s"}]}""".formatted(county, day(1), day(30),
                day(31), day(500), day(501), day(900), day(901), day(1000), day(990)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        // quarterly 主要负责人带队检查 and a yearly drill in every year the campaign touches
        List<String> kinds = texts(created.body().path("deliverables"), "kind");
        long quarters = kinds.stream().filter("PRINCIPAL_INSPECTION"::equals).count();
        long years = kinds.stream().filter("EMERGENCY_DRILL"::equals).count();
        assertThat(quarters).isBetween(11L, 13L);
        assertThat(years).isEqualTo(LocalDate.parse(day(1000)).getYear() - LocalDate.parse(day(1)).getYear() + 1);

        // the first quarter's duty: one institution records it, the others are late
        LocalDate firstDue = StreamSupport.stream(created.body().path("deliverables").spliterator(), false)
                .filter(d -> d.path("kind").asText().equals("PRINCIPAL_INSPECTION"))
                .map(d -> LocalDate.parse(d.path("dueOn").asText())).findFirst().orElseThrow();
        passTo(firstDue.minusDays(1).toString(), LocalTime.of(12, 0));
        String manager = "inst%03d".formatted(institutionNumber("FUNERAL"));
        long duty = await().atMost(STEP).until(() -> StreamSupport.stream(api.get(manager, "/api/tasks").body().spliterator(), false)
                .filter(t -> t.path("kind").asText().equals("DUTY_RECORD") && t.path("title").asText().contains("主要负责人带队检查"))
                .map(t -> t.path("id").asLong()).findFirst().orElse(null), t -> t != null);
        JsonNode dutyForm = api.get(manager, "/api/campaign-tasks/" + duty).body();
        assertThat(dutyForm.path("stage").asText()).contains("主要负责人带队检查");
        assertThat(dutyForm.path("guidance").asText()).as("the duty says what it asks").contains("签名");
        assertThat(api.post(manager, "/api/tasks/" + duty + "/complete", """
                {"heldOn": "%s", "ledBy": "院长", "participants": 12, "content": "带队检查消防设施", "signedBy": "院长"}"""
                .formatted(firstDue.minusDays(1))).status()).isEqualTo(200);
        passTo(firstDue.plusDays(1).toString(), LocalTime.of(1, 0));
        await().atMost(STEP).until(() -> count("""
                select count(*) from campaign_work w join campaign_deliverable d on d.id = w.deliverable_id
                where w.campaign_id = ? and d.due_on = '%s' and d.kind = 'PRINCIPAL_INSPECTION' and w.late""".formatted(firstDue), id) == inScope - 1);

        // a year on, the self-checks of 集中攻坚 are out; then the campaign is cancelled with its reason
        passTo(day(400), LocalTime.of(1, 0));
        await().atMost(STEP).until(() -> count("select count(*) from campaign_work where campaign_id = ? and kind = 'SELF_CHECK'", id) == inScope);
        // 集中攻坚 lengthened into 治本提升: refused alone, or the later phases follow, keeping their lengths and gaps
        String longer = "{\"endsOn\": \"%s\", \"reason\": \"攻坚延长\"%s}";
        Api.Reply overlapping = api.post("shishi", "/api/campaigns/" + id + "/phases/2/reschedule", longer.formatted(day(520), ""));
        assertField(overlapping, "endsOn");
        assertThat(overlapping.body().toString()).contains("后续阶段随之顺延");
        Api.Reply followed = api.post("shishi", "/api/campaigns/" + id + "/phases/2/reschedule",
                longer.formatted(day(520), ", \"laterPhasesFollow\": true"));
        assertThat(followed.status()).as(followed.body().toString()).isEqualTo(200);
        JsonNode moved = followed.body().path("phases");
        assertThat(List.of(moved.get(1).path("endsOn").asText(), moved.get(2).path("startsOn").asText(), moved.get(2).path("endsOn").asText(),
                moved.get(3).path("startsOn").asText(), moved.get(3).path("endsOn").asText()))
                .containsExactly(day(520), day(521), day(920), day(921), day(1020));
        assertThat(count("select count(*) from ledger_event where type = 'CAMPAIGN_PHASE_RESCHEDULED' and subject_type = 'CAMPAIGN' and subject_id = ?", id))
                .as("each phase's move is recorded").isEqualTo(3);
        assertField(api.post("shishi", "/api/campaigns/" + id + "/cancel", "{}"), "reason");
        assertThat(api.post("town1", "/api/campaigns/" + id + "/cancel", "{\"reason\": \"x\"}").status()).isEqualTo(403);
        Api.Reply cancelled = api.post("shishi", "/api/campaigns/" + id + "/cancel", "{\"reason\": \"机构改制，行动并入全县统一部署\"}");
        assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().path("statusReason").asText()).isEqualTo("机构改制，行动并入全县统一部署");
        assertThat(count("select count(*) from campaign_work where campaign_id = ? and status = 'OPEN'", id)).isZero();
        assertThat(count("""
                select count(*) from inbox_task t join campaign_work w on w.task_id = t.id
                where w.campaign_id = ? and t.status = 'OPEN'""", id)).isZero();
        assertThat(api.post("shishi", "/api/campaigns/" + id + "/cancel", "{\"reason\": \"again\"}").status()).isEqualTo(409);
        long work = count("select count(*) from campaign_work where campaign_id = ?", id);
        passTo(day(1001), LocalTime.of(1, 0));
        sleepAWhile();
        assertThat(count("select count(*) from campaign_work where campaign_id = ?", id)).as("nothing opens after cancelling").isEqualTo(work);
    }

    @Test
    @Order(3)
    void eachMonthTownshipsConfirmTheirFormsAndTheCountyConsolidatesThem() {
        long county = jdbc.queryForObject("select id from region where code = '990121'", Long.class);
        YearMonth month = YearMonth.from(day0).plusMonths(1);
        Api.Reply created = api.post("fuli", "/api/campaigns", """
                {"name": "殡葬服务机构安全隐患月度调度", "leadOrganisation": "安澜县民政局", "regionIds": [%d],
                 "institutionTypes": ["FUNERAL"], "recurringDuties": false,
                 "phases": [{"kind": "MOBILISATION", "startsOn": "%s", "endsOn": "%s"},
                            {"kind": "SUMMARY", "startsOn": "%s", "endsOn": "%s"}],
                 "deliverables": [{"kind": "STAGE_PROGRESS", "opensOn": "%s", "dueOn": "%s"}]}""".formatted(county,
                month.atDay(1), month.atDay(3), month.atDay(4), month.atDay(25), month.atDay(5), month.atDay(24)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        long townships = count("select count(*) from region where level = 'TOWNSHIP' and path like (select concat(path, '%') from region where id = ?)", county);
        long chengguanInstitution = jdbc.queryForObject("""
                select min(i.id) from institution i join region r on r.id = i.region_id where r.name = '城关镇' and i.type = 'FUNERAL'""", Long.class);

        // a hazard found in the month, before the drafts open on the 10th
        passTo(month.atDay(2).toString(), LocalTime.of(10, 0));
        reportHazard(chengguanInstitution, month.atDay(2));
        // a funeral home the bureau runs itself (直属机构) reports like a township, signed by its manager
        long funeralHome = register("ZB-%d".formatted(id), "安澜县殡仪馆%d".formatted(id), "FUNERAL", county);
        String funeralHomeManager = manager("zb" + id, funeralHome);
        reportHazard(funeralHome, month.atDay(2));
        // the month's dates as the campaign shows them: the 10th, 14th, 16th and 20th or, on a day no one works, the
        // working day after (the reminder two working days before the deadline)
        passTo(dispatchDate(id, month, "opensAt").plusHours(1));
        long town1Task = awaitTask("town1", "DISPATCH_REPORT", id);
        await().atMost(STEP).until(() -> count("select count(*) from campaign_work where campaign_id = ? and kind = 'DISPATCH_REPORT'", id) == townships + 1);
        long funeralHomeTask = awaitTask(funeralHomeManager, "DISPATCH_REPORT", id);
        // 各乡镇、各直属机构 owe their stage progress too
        awaitTask(funeralHomeManager, "DELIVERABLE", id);
        assertThat(count("select count(*) from campaign_work where campaign_id = ? and kind = 'DELIVERABLE'", id))
                .isEqualTo(townships + 1);
        JsonNode ownDraft = api.get(funeralHomeManager, "/api/campaign-tasks/" + funeralHomeTask).body().path("dispatchDraft");
        assertThat(ownDraft.path("level").asText()).isEqualTo("DIRECTLY_RUN");
        assertThat(ownDraft.path("region").asText()).isEqualTo("安澜县殡仪馆" + id);
        assertThat(ownDraft.path("table").path("rows")).singleElement()
                .satisfies(r -> assertThat(r.path("figures").path("hazardsFound").asLong()).as("its own hazard only").isEqualTo(1));
        assertThat(api.get("town1", "/api/campaign-tasks/" + funeralHomeTask).status()).isEqualTo(404);
        // corrected figures must hold together: more rectified than found is refused, nothing stored
        assertField(api.post(funeralHomeManager, "/api/tasks/" + funeralHomeTask + "/complete", """
                {"signedBy": "殡仪馆馆长", "corrections": [{"field": "rectified", "value": 5, "reason": "x"}]}"""), "corrections");
        // 其他方式发现 follows a corrected 发现隐患数 (it is what the other ways leave)
        Api.Reply ownSent = api.post(funeralHomeManager, "/api/tasks/" + funeralHomeTask + "/complete", """
                {"signedBy": "殡仪馆馆长", "corrections": [{"field": "hazardsFound", "value": 2, "reason": "另有一处在整改台账外登记"}]}""");
        assertThat(ownSent.status()).as(ownSent.body().toString()).isEqualTo(200);
        // the manager keeps what he sent: the frozen report, to download, print and stamp
        long ownReport = api.get(funeralHomeManager, "/api/campaign-tasks/" + funeralHomeTask).body().path("submittedReportId").asLong();
        JsonNode ownFrozen = api.get(funeralHomeManager, "/api/dispatch-reports/" + ownReport).body();
        assertThat(ownFrozen.path("table").path("total").path("hazardsFound").asLong()).isEqualTo(2);
        assertThat(ownFrozen.path("table").path("total").path("foundOtherwise").asLong()).isEqualTo(1);
        assertThat(api.download(funeralHomeManager, "/api/dispatch-reports/" + ownReport + "/dispatch-table.xlsx").getStatusCode().value())
                .isEqualTo(200);
        JsonNode draft = api.get("town1", "/api/campaign-tasks/" + town1Task).body().path("dispatchDraft");
        assertThat(draft.path("level").asText()).isEqualTo("TOWNSHIP");
        assertThat(draft.path("table").path("from").asText()).isEqualTo(month.atDay(1).toString());
        assertThat(draft.path("table").path("to").asText()).isEqualTo(month.atDay(15).toString());
        long found = draft.path("table").path("total").path("hazardsFound").asLong();
        assertThat(found).isPositive();

        // corrections name a figure, a value and a reason; the ledger's figure stays beside them
        assertField(api.post("town1", "/api/tasks/" + town1Task + "/complete", """
                {"signedBy": "周镇长", "corrections": [{"field": "rectificationRate", "value": 100, "reason": "x"}]}"""), "corrections[0].field");
        assertField(api.post("town1", "/api/tasks/" + town1Task + "/complete", """
                {"signedBy": "周镇长", "corrections": [{"field": "hazardsFound", "value": 3}]}"""), "corrections[0].reason");
        Api.Reply confirmed = api.post("town1", "/api/tasks/" + town1Task + "/complete", """
                {"signedBy": "周镇长", "notes": "本月完成全部殡葬机构排查。",
                 "corrections": [{"field": "hazardsFound", "value": %d, "reason": "含乡镇自行排查尚未录入的两处隐患"}]}"""
                .formatted(found + 2));
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);

        // what was sent stays as sent: a hazard recorded afterwards changes the ledger, not the submitted report
        reportHazard(chengguanInstitution, month.atDay(10));
        long town1Report = jdbc.queryForObject("""
                select d.id from dispatch_report d join region r on r.id = d.region_id
                where d.campaign_id = ? and r.name = '城关镇'""", Long.class, id);
        JsonNode sent = api.get("town1", "/api/dispatch-reports/" + town1Report).body();
        assertThat(sent.path("table").path("total").path("hazardsFound").asLong()).isEqualTo(found + 2);
        assertThat(sent.path("ledgerTotal").path("hazardsFound").asLong()).isEqualTo(found);
        assertThat(sent.path("signedBy").asText()).isEqualTo("周镇长");
        assertThat(api.get("town2", "/api/dispatch-reports/" + town1Report).status()).isEqualTo(404);
        assertThat(api.get(funeralHomeManager, "/api/dispatch-reports/" + town1Report).status()).isEqualTo(404);

        // reminded on the 14th; one more township reports on time
        passTo(dispatchDate(id, month, "remindAt").plusHours(1));
        await().atMost(STEP).until(() -> count("""
                select count(*) from campaign_work where campaign_id = ? and kind = 'DISPATCH_REPORT' and status = 'OPEN' and reminders = 1""", id) == townships - 1);
        long town2Task = awaitTask("town2", "DISPATCH_REPORT", id);
        // the township was told of its task when it opened and, not having reported, of the deadline on the 14th
        assertThat(notices("town2", "/tasks/" + town2Task)).containsExactlyInAnyOrder("NEW_TASK", "DEADLINE_REMINDER");
        assertThat(notices("town1", "/tasks/" + town1Task)).as("reported before the 14th").containsExactly("NEW_TASK");
        assertThat(api.post("town2", "/api/tasks/" + town2Task + "/complete", "{\"signedBy\": \"吴镇长\"}").status()).isEqualTo(200);

        // at the end of office hours on the 16th the rest are late, the section follows up and gets the county
        // consolidation
        OffsetDateTime due = dispatchDate(id, month, "dueAt");
        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(17, 30));
        assertThat(jdbc.queryForObject("""
                select t.due_at from inbox_task t join campaign_work w on w.task_id = t.id
                where w.campaign_id = ? and w.kind = 'DISPATCH_REPORT' and w.status = 'OPEN' fetch first 1 rows only""",
                java.sql.Timestamp.class, id).toInstant()).as("the inbox says the engine's deadline").isEqualTo(due.toInstant());
        passTo(due.plusMinutes(30));
        long countyTask = awaitTask("fuli", "COUNTY_DISPATCH_REPORT", id);
        // 各股室: the funeral field is 社会事务股's to consolidate (for 福利股), not 福利股's own
        long fieldTask = awaitTask("shishi", "FIELD_DISPATCH_REPORT", id);
        assertThat(taskTitles("fuli", "FIELD_DISPATCH_REPORT")).noneMatch(t -> t.contains("社会事务股"));
        assertThat(taskTitles("shishi", "COUNTY_DISPATCH_REPORT")).as("the county's consolidation is 福利股's").isEmpty();
        assertThat(api.post("fuli", "/api/tasks/" + fieldTask + "/complete", "{\"signedBy\": \"张福利\"}").status()).isEqualTo(403);
        assertThat(api.get("fuli", "/api/tasks/" + fieldTask).body().path("notYours").asText()).as("shown, not offered")
                .isEqualTo("该任务由社会事务股办理");
        assertThat(api.get("shishi", "/api/tasks/" + fieldTask).body().path("notYours").isNull()).isTrue();
        JsonNode fieldDraft = api.get("shishi", "/api/campaign-tasks/" + fieldTask).body().path("dispatchDraft");
        assertThat(fieldDraft.path("level").asText()).isEqualTo("FIELD");
        assertThat(fieldDraft.path("region").asText()).isEqualTo("安澜县民政局社会事务股");
        assertThat(fieldDraft.path("table").path("rows")).as("every township and the bureau's own").hasSize((int) townships + 1);
        assertThat(StreamSupport.stream(fieldDraft.path("unitsNotSubmitted").spliterator(), false).map(JsonNode::asText))
                .as("the section sees who has not reported").contains("西河镇").doesNotContain("城关镇", "东山镇");
        assertThat(taskTitles("fuli", "LATE_FOLLOW_UP")).anyMatch(t -> t.contains(month.getMonthValue() + "月《清单》《调度表》"));
        assertThat(taskTitles("shishi", "LATE_FOLLOW_UP")).as("the units' reports are 福利股's to chase")
                .noneMatch(t -> t.contains(month.getMonthValue() + "月《清单》《调度表》"));
        long followUp = awaitTask("fuli", "LATE_FOLLOW_UP", id);
        JsonNode lateUnits = api.get("fuli", "/api/campaign-tasks/" + followUp).body().path("lateUnits");
        assertThat(lateUnits).as("the follow-up names whom it chases").hasSize((int) townships - 2);
        assertThat(StreamSupport.stream(lateUnits.spliterator(), false).map(u -> u.path("name").asText()))
                .doesNotContain("城关镇", "东山镇").contains("西河镇");
        assertThat(count("select count(*) from campaign_work where campaign_id = ? and kind = 'DISPATCH_REPORT' and late", id))
                .isEqualTo(townships - 2);
        passTo(due.plusHours(16)); // the next morning
        long town3Task = awaitTask("town3", "DISPATCH_REPORT", id);
        assertThat(api.post("town3", "/api/tasks/" + town3Task + "/complete", "{\"signedBy\": \"郑镇长\"}").status()).isEqualTo(200);
        assertThat(count("select count(*) from dispatch_report where campaign_id = ? and late", id)).isEqualTo(1);

        // another institution the bureau runs itself, outside the campaign's types (neither asked nor counted), with a
        // hazard found this month
        reportHazard(register("ZS-%d".formatted(id), "安澜县救助管理站%d".formatted(id), "RELIEF_MANAGEMENT", county), month.atDay(12));

        // the county draft: each township as it reported, the ledger for those that did not, then one row for the
        // bureau's own: the funeral home as it reported (2); the relief station is no funeral home
        JsonNode countyDraft = api.get("fuli", "/api/campaign-tasks/" + countyTask).body().path("dispatchDraft");
        assertThat(countyDraft.path("table").path("rows")).hasSize((int) townships + 1);
        JsonNode own = countyDraft.path("table").path("rows").get((int) townships);
        assertThat(own.path("label").asText()).isEqualTo("安澜县直属机构");
        assertThat(own.path("figures").path("hazardsFound").asLong()).isEqualTo(2);
        assertThat(countyDraft.path("table").path("total").path("hazardsFound").asLong())
                .as("the county's total counts its own institutions").isEqualTo(StreamSupport.stream(
                        countyDraft.path("table").path("rows").spliterator(), false)
                        .mapToLong(r -> r.path("figures").path("hazardsFound").asLong()).sum());
        JsonNode chengguan = StreamSupport.stream(countyDraft.path("table").path("rows").spliterator(), false)
                .filter(r -> r.path("label").asText().equals("城关镇")).findFirst().orElseThrow();
        assertThat(chengguan.path("figures").path("hazardsFound").asLong()).isEqualTo(found + 2);
        assertThat(strings(countyDraft.path("unitsNotSubmitted"))).as("townships and the section not reported")
                .hasSize((int) townships - 3 + 1).contains("社会事务股");
        assertThat(texts(countyDraft.path("fields"), "label")).containsExactly("社会事务股");
        // the section reports its field; the county's consolidation takes it as sent
        Api.Reply fieldSent = api.post("shishi", "/api/tasks/" + fieldTask + "/complete", """
                {"signedBy": "刘社事", "corrections": [{"field": "inspections", "value": 9, "reason": "含联合检查"}]}""");
        assertThat(fieldSent.status()).as(fieldSent.body().toString()).isEqualTo(200);
        countyDraft = api.get("fuli", "/api/campaign-tasks/" + countyTask).body().path("dispatchDraft");
        assertThat(countyDraft.path("fields").get(0).path("figures").path("inspections").asLong()).isEqualTo(9);
        assertThat(strings(countyDraft.path("unitsNotSubmitted"))).hasSize((int) townships - 3).doesNotContain("社会事务股");
        Api.Reply countySent = api.post("fuli", "/api/tasks/" + countyTask + "/complete", "{\"signedBy\": \"福利股\"}");
        assertThat(countySent.status()).as(countySent.body().toString()).isEqualTo(200);

        JsonNode listed = api.get("fuli", "/api/campaigns/" + id + "/dispatch-reports").body();
        assertThat(texts(listed, "level")).as("townships first, then the section's field, the directly-run institution, the county")
                .containsExactly("TOWNSHIP", "TOWNSHIP", "TOWNSHIP", "FIELD", "DIRECTLY_RUN", "COUNTY");
        assertThat(texts(listed, "region")).contains("安澜县殡仪馆" + id, "安澜县社会事务股");
        assertThat(api.get("town1", "/api/campaigns/" + id + "/dispatch-reports").body()).hasSize(1);
        long countyReport = StreamSupport.stream(listed.spliterator(), false)
                .filter(r -> r.path("level").asText().equals("COUNTY")).findFirst().orElseThrow().path("id").asLong();
        ResponseEntity<byte[]> table = api.download("fuli", "/api/dispatch-reports/" + countyReport + "/dispatch-table.xlsx");
        assertThat(table.getStatusCode().value()).isEqualTo(200);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(table.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row row = StreamSupport.stream(sheet.spliterator(), false)
                    .filter(r -> r.getCell(1) != null && "城关镇".equals(r.getCell(1).getStringCellValue())).findFirst().orElseThrow();
            assertThat((long) row.getCell(5).getNumericCellValue()).as("发现隐患数").isEqualTo(found + 2);
            org.apache.poi.ss.usermodel.DataFormatter shown = new org.apache.poi.ss.usermodel.DataFormatter();
            assertThat(StreamSupport.stream(sheet.spliterator(), false).map(r -> shown.formatCellValue(r.getCell(0))))
                    .anyMatch(t -> t.startsWith("未报送单位（按台账数汇总）："))
                    .anyMatch(t -> t.equals("填报人：福利股"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(api.download("town1", "/api/dispatch-reports/" + town1Report + "/hazard-list.xlsx").getStatusCode().value())
                .isEqualTo(200);

        // sent upward in time: the leader hears nothing after the 20th
        passTo(dispatchDate(id, month, "countyDueAt").plusHours(16));
        sleepAWhile();
        assertThat(taskTitles("leader", "LATE_FOLLOW_UP"))
                .noneMatch(t -> t.contains(month.getYear() + "年" + month.getMonthValue() + "月《清单》《调度表》汇总逾期"));
    }

    /**
     * 周调度: a campaign that reports weekly opens the week's forms on Monday to every reporting unit, covering the
     * campaign to Thursday; at the end of office hours on Friday the county consolidation opens, due the next Monday.
     */
    @Test
    @Order(4)
    void eachWeekTheReportingUnitsConfirmTheirFormsWhenTheCampaignReportsWeekly() {
        long county = jdbc.queryForObject("select id from region where code = '990121'", Long.class);
        LocalDate monday = day0.plusDays(14).with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        // one Friday within the campaign, and no month reported: this week's forms are the only ones
        Api.Reply created = api.post("fuli", "/api/campaigns", """
                {"name": "殡葬服务机构周调度", "leadOrganisation": "安澜县民政局", "regionIds": [%d],
                 "institutionTypes": ["FUNERAL"], "recurringDuties": false, "weeklyDispatch": true, "dispatchMonths": [],
                 "phases": [{"kind": "SELF_CHECK", "startsOn": "%s", "endsOn": "%s"}]}""".formatted(county, monday, monday.plusDays(10)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        JsonNode week = created.body().path("weeklyDispatches").get(0);
        assertThat(created.body().path("weeklyDispatches")).hasSize(1);
        String key = week.path("month").asText();
        long units = count("select count(*) from region where level = 'TOWNSHIP' and path like (select concat(path, '%') from region where id = ?)", county)
                + count("select count(*) from institution where type = 'FUNERAL' and status = 'OPERATING' and region_id = ?", county);

        passTo(OffsetDateTime.parse(week.path("opensAt").asText()).plusHours(1));
        long town1Task = awaitTask("town1", "DISPATCH_REPORT", id);
        await().atMost(STEP).until(() -> count("select count(*) from campaign_work where campaign_id = ? and kind = 'DISPATCH_REPORT'", id) == units);
        assertThat(taskTitles("town1", "DISPATCH_REPORT")).anyMatch(t -> t.contains("周调度《清单》《调度表》"));
        JsonNode draft = api.get("town1", "/api/campaign-tasks/" + town1Task).body().path("dispatchDraft");
        assertThat(draft.path("reportMonth").asText()).isEqualTo(key);
        assertThat(draft.path("table").path("from").asText()).isEqualTo(monday.toString());
        assertThat(draft.path("table").path("to").asText()).as("to Thursday").isEqualTo(monday.plusDays(3).toString());
        assertThat(api.post("town1", "/api/tasks/" + town1Task + "/complete", "{\"signedBy\": \"周镇长\"}").status()).isEqualTo(200);

        passTo(OffsetDateTime.parse(week.path("dueAt").asText()).plusMinutes(30));
        long countyTask = awaitTask("fuli", "COUNTY_DISPATCH_REPORT", id);
        long fieldTask = awaitTask("shishi", "FIELD_DISPATCH_REPORT", id);
        assertThat(api.post("shishi", "/api/tasks/" + fieldTask + "/complete", "{\"signedBy\": \"刘社事\"}").status()).isEqualTo(200);
        JsonNode countyDraft = api.get("fuli", "/api/campaign-tasks/" + countyTask).body().path("dispatchDraft");
        assertThat(countyDraft.path("unitsNotSubmitted")).hasSize((int) units - 1);
        assertThat(api.post("fuli", "/api/tasks/" + countyTask + "/complete", "{\"signedBy\": \"福利股\"}").status()).isEqualTo(200);
        JsonNode listed = api.get("fuli", "/api/campaigns/" + id + "/dispatch-reports").body();
        assertThat(texts(listed, "reportMonth")).containsOnly(key).hasSize(3);

        passTo(OffsetDateTime.parse(week.path("countyDueAt").asText()).plusHours(16));
        sleepAWhile();
        assertThat(count("select count(*) from campaign_work where campaign_id = ? and kind = 'LATE_FOLLOW_UP' and owner_key like 'L%'", id))
                .as("sent upward in time: the leader hears nothing").isZero();
    }

    private void reportHazard(long institutionId, LocalDate foundOn) {
        Api.Reply reported = api.post("inspector1", "/api/hazards", """
                {"institutionId": %d, "description": "火化车间灭火器过期", "location": "火化车间",
                 "criterionCode": "GEN-FIRE", "source": "DEPARTMENT_CHECK", "foundOn": "%s"}""".formatted(institutionId, foundOn));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
    }

    private String day(int days) {
        return day0.plusDays(days).toString();
    }

    private void passTo(String date, LocalTime at) {
        time.passTo(LocalDate.parse(date).atTime(at).atZone(LedgerTime.ZONE).toInstant());
    }

    private void passTo(OffsetDateTime at) {
        time.passTo(at.toInstant());
    }

    /** A date of a month's dispatch as the campaign's API shows it (opensAt, remindAt, dueAt, countyDueAt). */
    private OffsetDateTime dispatchDate(long campaignId, YearMonth month, String field) {
        JsonNode dispatch = StreamSupport.stream(api.get("fuli", "/api/campaigns/" + campaignId).body().path("dispatches")
                .spliterator(), false).filter(d -> d.path("month").asText().equals(month.toString())).findFirst().orElseThrow();
        assertThat(dispatch.path("reported").asBoolean()).as(month + " reports").isTrue();
        return OffsetDateTime.parse(dispatch.path(field).asText()).atZoneSameInstant(LedgerTime.ZONE).toOffsetDateTime();
    }

    /** Registers an institution as the county administrator does; answers its id. */
    private long register(String code, String name, String type, long regionId) {
        Api.Reply registered = api.post("admin", "/api/institutions", """
                {"code": "%s", "name": "%s", "type": "%s", "regionId": %d, "capacity": 40}""".formatted(code, name, type, regionId));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return registered.body().path("summary").path("id").asLong();
    }

    /** A manager's account for an institution, with the demo password (accounts are kept in Keycloak, not by the API). */
    private String manager(String username, long institutionId) {
        jdbc.update("""
                insert into person (username, display_name, password_hash, enabled, region_id, institution_id, created_at)
                select ?, '直属机构负责人', password_hash, true, (select region_id from institution where id = ?), ?, created_at
                from person where username = 'inst001'""", username, institutionId, institutionId);
        jdbc.update("insert into person_role (person_id, role) select id, 'INSTITUTION_MANAGER' from person where username = ?", username);
        return username;
    }

    private long institution(String name) {
        return jdbc.queryForObject("select id from institution where name = ?", Long.class, name);
    }

    /** The demo user number (instNNN) of the first institution of a type. */
    private long institutionNumber(String type) {
        return jdbc.queryForObject("select min(id) from institution where type = ?", Long.class, type);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private String phaseStatus(long campaignId, int index) {
        return api.get("fuli", "/api/campaigns/" + campaignId).body().path("phases").get(index).path("status").asText();
    }

    private long awaitTask(String user, String kind) {
        return await().atMost(STEP).pollInterval(Duration.ofMillis(200)).until(() ->
                StreamSupport.stream(api.get(user, "/api/tasks").body().spliterator(), false)
                        .filter(t -> t.path("kind").asText().equals(kind))
                        .map(t -> t.path("id").asLong()).findFirst().orElse(null), id -> id != null);
    }

    /** A task of one campaign: earlier campaigns' reports may still be open in the same inbox. */
    private long awaitTask(String user, String kind, long campaignId) {
        return await().atMost(STEP).pollInterval(Duration.ofMillis(200)).until(() ->
                StreamSupport.stream(api.get(user, "/api/tasks").body().spliterator(), false)
                        .filter(t -> t.path("kind").asText().equals(kind) && t.path("subjectId").asLong() == campaignId)
                        .map(t -> t.path("id").asLong()).findFirst().orElse(null), id -> id != null);
    }

    /** the kinds of a person's notices about one record */
    private List<String> notices(String user, String link) {
        relay.tellRequested();
        return StreamSupport.stream(api.get(user, "/api/notifications?size=100").body().path("items").spliterator(), false)
                .filter(n -> n.path("link").asText().equals(link)).map(n -> n.path("kind").asText()).toList();
    }

    private List<String> taskTitles(String user, String kind) {
        return StreamSupport.stream(api.get(user, "/api/tasks").body().spliterator(), false)
                .filter(t -> t.path("kind").asText().equals(kind)).map(t -> t.path("title").asText()).toList();
    }

    /** Lets the workers catch up when asserting that nothing happens. */
    private static void sleepAWhile() {
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
    }

    private String selfCheckJson(List<String> codes, String failing) {
        String items = codes.stream().map(code -> code.equals(failing)
                ? "{\"criterionCode\": \"%s\", \"answer\": \"NO\", \"note\": \"疏散通道堆放杂物\", \"location\": \"二楼走廊\", \"residentsExposed\": false}".formatted(code)
                : "{\"criterionCode\": \"%s\", \"answer\": \"YES\"}".formatted(code)).collect(Collectors.joining(", "));
        return "{\"checkedOn\": \"%s\", \"signedBy\": \"李建国\", \"items\": [%s]}".formatted(time.today(), items);
    }

    private static void assertField(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(texts(reply.fieldErrors(), "field")).as(reply.body().toString()).anyMatch(f -> f.startsWith(field));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }
}
