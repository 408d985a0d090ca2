package com.civilsafety.app.whistleblower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.ledger.testsupport.AllAtOnce;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 安全吹哨人 without login: a report gets a tracking code that shows its status and nothing else; who reported is seen
 * only by the bureau; script in the text stays text; bad input is named; the triage runs through verification,
 * hazard and reward. The rate limit: {@link PublicRateLimitTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:whistleblower;DB_CLOSE_DELAY=-1", "civil-safety.demo-data.enabled=true",
        "civil-safety.public.submissions-per-window=1000", "civil-safety.public.lookups-per-window=1000"})
class WhistleblowerApiTest {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)> 消防通道被锁";

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
    void anAnonymousReportIsTrackedAndSeenInScopeWithoutItsReporter() throws java.io.IOException {
        List<JsonNode> choices = list(api.bearer(null, HttpMethod.GET, "/api/public/institutions?name=" + "城关镇敬老院", null).body());
        assertThat(choices).hasSize(1);
        long institution = choices.getFirst().path("id").asLong();
        assertThat(choices.getFirst().path("township").asText()).isEqualTo("城关镇");
        assertThat(api.bearer(null, HttpMethod.GET, "/api/public/institutions?name=城", null).status()).isEqualTo(400);

        // 1: anonymous, with a name and script in the text
        Api.Reply receipt = api.bearer(null, HttpMethod.POST, "/api/public/whistleblower-reports", """
                {"institutionId": %d, "description": "%s", "location": "后门", "reporterKind": "STAFF",
                 "reporterName": "王护工", "reporterContact": "13900000000"}""".formatted(institution, SCRIPT.replace("'", "\\u0027")));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        String code = receipt.body().path("trackingCode").asText();
        assertThat(code).matches("[A-HJ-NP-Z2-9]{12}");
        assertThat(receipt.body().path("statusLabel").asText()).isEqualTo("已受理");

        // the code shows this report's status, nothing about its content or its reporter
        Api.Reply status = api.bearer(null, HttpMethod.GET, "/api/public/whistleblower-reports/" + code.toLowerCase(), null);
        assertThat(status.status()).isEqualTo(200);
        assertThat(fieldNames(status.body())).containsExactlyInAnyOrder("trackingCode", "status", "statusLabel", "submittedOn", "feedback");
        String grouped = code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
        assertThat(api.bearer(null, HttpMethod.GET, "/api/public/whistleblower-reports/" + grouped, null).body().path("trackingCode")
                .asText()).as("typed back as shown, in groups").isEqualTo(code);
        assertThat(api.bearer(null, HttpMethod.GET, "/api/public/whistleblower-reports/ABCDEFGHJKMN", null).status()).isEqualTo(404);
        assertThat(api.bearer(null, HttpMethod.GET, "/api/public/whistleblower-reports/..%2F..%2Fetc", null).status()).isIn(400, 404);

        // photos by tracking code: images only, within the size limit, names made safe; seen only in scope
        byte[] png = new byte[2048];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        Api.Reply photo = api.upload(null, "/api/public/whistleblower-reports/" + code + "/photos", "../../etc/passwd.png", png);
        assertThat(photo.status()).as(photo.body().toString()).isEqualTo(201);
        assertThat(photo.body().path("photos").asInt()).isEqualTo(1);
        assertThat(api.upload(null, "/api/public/whistleblower-reports/" + code + "/photos", "scan.pdf", "%PDF-1.4 x".getBytes()).status())
                .isEqualTo(415);
        assertThat(api.upload(null, "/api/public/whistleblower-reports/" + code + "/photos", "photo.jpg", "MZ\u0090\u0000 not an image".getBytes()).status())
                .isEqualTo(415);
        byte[] huge = java.util.Arrays.copyOf(png, 200 * 1024);
        assertThat(api.upload(null, "/api/public/whistleblower-reports/" + code + "/photos", "big.png", huge).status()).isEqualTo(413);
        assertThat(api.upload(null, "/api/public/whistleblower-reports/ABCDEFGHJKMN/photos", "a.png", png).status()).isEqualTo(404);

        // 2 and 3: bad input is named and stores nothing
        long before = jdbc.queryForObject("select count(*) from whistleblower_report", Long.class);
        Api.Reply tooLong = api.bearer(null, HttpMethod.POST, "/api/public/whistleblower-reports", """
                {"institutionId": %d, "description": "%s", "reporterKind": "PUBLIC"}""".formatted(institution, "长".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.fieldErrors().toString()).contains("description");
        Api.Reply unknown = api.bearer(null, HttpMethod.POST, "/api/public/whistleblower-reports", """
                {"institutionId": 999999, "description": "x", "reporterKind": "ROBOT"}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.fieldErrors().toString()).contains("reporterKind");
        assertThat(jdbc.queryForObject("select count(*) from whistleblower_report", Long.class)).isEqualTo(before);

        // who reported: the bureau that handles reports sees it, the township sees the report without it, the
        // institution sees nothing; the script is text in a JSON document, inert
        Api.Reply bureau = api.any("fuli", HttpMethod.GET, "/api/whistleblower-reports", null);
        assertThat(bureau.headers().getContentType().toString()).startsWith("application/json");
        assertThat(bureau.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        long reportId = reportId(code);
        assertThat(bureau.body().toString()).as("staff never see the reporter's tracking code").doesNotContain(code);
        JsonNode seen = list(bureau.body()).stream().filter(r -> r.path("id").asLong() == reportId).findFirst().orElseThrow();
        assertThat(seen.path("reference").asText()).isEqualTo("JB%06d".formatted(reportId));
        assertThat(seen.path("description").asText()).isEqualTo(SCRIPT);
        assertThat(seen.path("reporterName").asText()).isEqualTo("王护工");
        long photoId = seen.path("photoIds").get(0).asLong();
        String sha256 = jdbc.queryForObject("select sha256 from attachment where id = ?", String.class, photoId);
        java.nio.file.Path stored = java.nio.file.Path.of("target/attachments", sha256.substring(0, 2), sha256);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(stored)))
                .as("evidence is the platform's own user's only").isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(stored.getParent())))
                .isEqualTo("rwx------");
        org.springframework.http.ResponseEntity<byte[]> download = api.download("fuli", "/api/attachments/" + photoId);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getContentType().toString()).isEqualTo("image/png");
        assertThat(download.getHeaders().getContentDisposition().getFilename()).doesNotContain("..").doesNotContain("/");
        assertThat(api.download("town2", "/api/attachments/" + photoId).getStatusCode().value()).isEqualTo(404);
        assertThat(api.download("inst001", "/api/attachments/" + photoId).getStatusCode().value()).isEqualTo(404);

        JsonNode township = list(api.get("town1", "/api/whistleblower-reports").body()).stream()
                .filter(r -> r.path("id").asLong() == reportId).findFirst().orElseThrow();
        assertThat(township.path("reporterName").isNull()).isTrue();
        assertThat(township.path("reporterContact").isNull()).isTrue();
        assertThat(township.path("reporterHidden").asBoolean()).isTrue();
        assertThat(list(api.get("town2", "/api/whistleblower-reports").body()))
                .noneMatch(r -> r.path("id").asLong() == reportId);
        assertThat(api.get("inst001", "/api/whistleblower-reports").status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from ledger_event where type = 'WHISTLEBLOWER_REPORT_RECEIVED' and payload like '%王护工%'",
                Long.class)).as("the reporter's name is not in the event log").isZero();

        assertThat(api.bearer(null, HttpMethod.GET, "/api/public/whistleblower-reports/" + code, null).status()).isEqualTo(200);
    }

    @Test
    void aReportIsVerifiedIntoAHazardRewardedAndTheReporterSeesEachOutcome() {
        long institution = jdbc.queryForObject("select id from institution where code = 'JG002'", Long.class);
        String held = submit(institution, "夜间值班室无人值守，灭火器已过期");
        String dismissed = submit(institution, "听说食堂不干净");
        String today = api.today().toString();

        // the bureau section verifies: the first holds (a hazard, source 举报, in its own loop), the second does not
        long verifyHeld = awaitTask("fuli", "WHISTLEBLOWER_VERIFICATION", held);
        // 核查中 once the triage has started (recorded with its instance, which may come just after the task opens)
        await().atMost(STEP).until(() -> status(held).path("statusLabel").asText().equals("核查中"));
        Api.Reply noCriterion = api.post("fuli", "/api/tasks/" + verifyHeld + "/complete", """
                {"substantiated": true, "findings": "现场核实", "verifiedOn": "%s", "signedBy": "钱福利股"}""".formatted(today));
        assertThat(noCriterion.status()).isEqualTo(400);
        assertThat(noCriterion.fieldErrors().toString()).contains("criterionCode");
        Api.Reply unanswered = api.post("fuli", "/api/tasks/" + verifyHeld + "/complete", """
                {"substantiated": true, "findings": "现场核实", "criterionCode": "GEN-FIRE", "verifiedOn": "%s", "signedBy": "钱福利股"}"""
                .formatted(today));
        assertThat(unanswered.status()).as("not answering is not \"not exposed\"").isEqualTo(400);
        assertThat(unanswered.fieldErrors().toString()).contains("residentsExposed");
        assertThat(api.post("fuli", "/api/tasks/" + verifyHeld + "/complete", """
                {"substantiated": true, "findings": "现场核实：值班室灭火器过期两个月", "criterionCode": "GEN-FIRE",
                 "residentsExposed": true, "verifiedOn": "%s", "signedBy": "钱福利股"}""".formatted(today)).status()).isEqualTo(200);
        assertThat(dismiss(dismissed, "食堂检查合格", "现场检查食堂卫生合格，未发现问题")).contains("现场检查食堂卫生合格");
        await().atMost(STEP).until(() -> status(held).path("status").asText().equals("SUBSTANTIATED"));
        Long hazard = jdbc.queryForObject("select hazard_id from whistleblower_report where tracking_code = ?", Long.class, held);
        assertThat(jdbc.queryForObject("select source from hazard where id = ?", String.class, hazard)).isEqualTo("WHISTLEBLOWER");
        await().atMost(STEP).until(() -> jdbc.queryForObject("select process_instance_key from hazard where id = ?", Long.class, hazard) != null);
        assertThat(status(held).path("feedback").asText()).contains("情况属实", "YH");
        // graded on the same facts as any other finding; the reporter's words stay beside the verifier's, for staff only
        assertThat(jdbc.queryForObject("select residents_exposed from hazard where id = ?", Boolean.class, hazard)).isTrue();
        JsonNode filed = api.get("fuli", "/api/hazards/" + hazard).body();
        assertThat(filed.path("description").asText()).contains("现场核实：值班室灭火器过期两个月");
        assertThat(filed.path("report").path("description").asText()).isEqualTo("夜间值班室无人值守，灭火器已过期");
        assertThat(filed.path("report").path("reference").asText()).startsWith("JB");
        String institutionUser = jdbc.queryForObject("select min(username) from person where institution_id = ?", String.class, institution);
        JsonNode seenByInstitution = api.get(institutionUser, "/api/hazards/" + hazard).body();
        assertThat(seenByInstitution.path("code").asText()).isEqualTo(filed.path("code").asText());
        assertThat(seenByInstitution.path("report").isNull()).as("the institution never sees the report's words").isTrue();

        // the leader decides on the reward; the reporter is told
        long reward = awaitTask("leader", "WHISTLEBLOWER_REWARD", held);
        assertThat(api.post("leader", "/api/tasks/" + reward + "/complete", """
                {"granted": true, "reason": "举报属实，消除了火灾隐患", "signedBy": "孙局长"}""").fieldErrors().toString()).contains("amount");
        assertThat(api.post("leader", "/api/tasks/" + reward + "/complete", """
                {"granted": true, "amount": 500, "reason": "举报属实，消除了火灾隐患", "signedBy": "孙局长"}""").status()).isEqualTo(200);
        await().atMost(STEP).until(() -> status(held).path("status").asText().equals("CLOSED"));
        assertThat(status(held).path("feedback").asText()).contains("奖励 500");
        assertThat(jdbc.queryForObject("select count(*) from ledger_event where type = 'WHISTLEBLOWER_REPORT_TRIAGED'", Long.class))
                .isGreaterThanOrEqualTo(4);
    }

    /**
     * An institution not in the register (an unlicensed care home) is reported by name, township and address: the
     * county section of that township verifies it like any other and files the hazard against the registered
     * institution it turns out to be — counted by the statistics like every report's hazard — or dismisses it.
     */
    @Test
    void anInstitutionNotInTheRegisterIsReportedTriagedByTheCountyAndCounted() {
        List<JsonNode> townships = list(api.bearer(null, HttpMethod.GET, "/api/public/townships", null).body());
        assertThat(townships).hasSize(8).allSatisfy(t -> assertThat(t.path("county").asText()).isEqualTo("安澜县"));
        long chengguan = townships.stream().filter(t -> t.path("name").asText().equals("城关镇")).findFirst().orElseThrow().path("id").asLong();
        long county = jdbc.queryForObject("select id from region where code = '990121'", Long.class);
        String today = api.today().toString();

        // what is missing is named at its field, with the form's other problems
        Api.Reply empty = api.bearer(null, HttpMethod.POST, "/api/public/whistleblower-reports", "{\"description\": \"x\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).contains("institutionId", "reporterKind");
        assertThat(empty.fieldErrors().toString()).contains("找不到机构");
        assertThat(fields(unregistered("阳光托老所", null, "东门外"))).containsExactly("townshipId");
        assertThat(fields(unregistered("阳光托老所", chengguan, " "))).containsExactly("address");
        assertThat(fields(unregistered("阳光托老所", county, "东门外"))).as("a county is not a township").containsExactly("townshipId");
        assertThat(fields(unregistered("阳光托老所", 999_999L, "东门外"))).containsExactly("townshipId");

        Api.Reply held = unregistered("阳光托老所", chengguan, "城关镇东门外菜市场二楼");
        assertThat(held.status()).as(held.body().toString()).isEqualTo(201);
        String code = held.body().path("trackingCode").asText();
        long reportId = reportId(code);
        String dismissed = unregistered("夕阳红之家", chengguan, "西街 8 号").body().path("trackingCode").asText();

        // the township's officer sees it, another township's does not; the bureau sees what the reporter wrote
        JsonNode seen = list(api.get("fuli", "/api/whistleblower-reports?from=" + today + "&to=" + today).body()).stream()
                .filter(r -> r.path("id").asLong() == reportId).findFirst().orElseThrow();
        assertThat(seen.path("institution").asText()).isEqualTo("阳光托老所（未在册）");
        assertThat(seen.path("registered").asBoolean()).isFalse();
        assertThat(seen.path("township").asText()).isEqualTo("城关镇");
        assertThat(seen.path("reportedAddress").asText()).isEqualTo("城关镇东门外菜市场二楼");
        assertThat(api.get("town1", "/api/whistleblower-reports/" + reportId).status()).isEqualTo(200);
        assertThat(api.get("town2", "/api/whistleblower-reports/" + reportId).status()).isEqualTo(404);
        assertThat(list(api.get("town2", "/api/whistleblower-reports").body())).noneMatch(r -> r.path("id").asLong() == reportId);
        assertThat(list(api.get("fuli", "/api/whistleblower-reports?institutionType=ELDERLY_CARE").body()))
                .as("an institution not in the register has no type").noneMatch(r -> r.path("id").asLong() == reportId);

        // the county section gets the verification: the hazard is filed against an institution of the register
        long verify = awaitTask("fuli", "WHISTLEBLOWER_VERIFICATION", code);
        assertThat(api.get("fuli", "/api/tasks/" + verify).body().path("title").asText()).contains("阳光托老所，未在册");
        String substantiated = """
                {"substantiated": true, "findings": "经查为城关镇敬老院的分点，消防通道堆放杂物", "criterionCode": "GEN-FIRE",
                 "residentsExposed": false, "verifiedOn": "%s", "signedBy": "钱福利股"%s}""";
        Api.Reply unnamed = api.post("fuli", "/api/tasks/" + verify + "/complete", substantiated.formatted(today, ""));
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.fieldErrors().toString()).contains("institutionId", "未在册");
        assertThat(api.post("fuli", "/api/tasks/" + verify + "/complete", substantiated.formatted(today, ", \"institutionId\": 999999"))
                .fieldErrors().toString()).contains("institutionId");
        long home = jdbc.queryForObject("select id from institution where name = '城关镇敬老院'", Long.class);
        long before = figure("whistleblowerReports");
        Api.Reply filed = api.post("fuli", "/api/tasks/" + verify + "/complete", substantiated.formatted(today, ", \"institutionId\": " + home));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(200);
        await().atMost(STEP).until(() -> status(code).path("status").asText().equals("SUBSTANTIATED"));
        Long hazard = jdbc.queryForObject("select hazard_id from whistleblower_report where id = ?", Long.class, reportId);
        assertThat(jdbc.queryForObject("select institution_id from hazard where id = ?", Long.class, hazard)).isEqualTo(home);
        assertThat(jdbc.queryForObject("select source from hazard where id = ?", String.class, hazard)).isEqualTo("WHISTLEBLOWER");
        await().atMost(STEP).until(() -> jdbc.queryForObject("select process_instance_key from hazard where id = ?", Long.class, hazard) != null);
        assertThat(figure("whistleblowerReports")).as("the statistics count its hazard").isEqualTo(before + 1);
        JsonNode now = api.get("fuli", "/api/whistleblower-reports/" + reportId).body();
        assertThat(now.path("institution").asText()).isEqualTo("城关镇敬老院");
        assertThat(now.path("registered").asBoolean()).isTrue();
        assertThat(now.path("hazardId").asLong()).isEqualTo(hazard);

        // one that matches no institution of the register is dismissed with what was done about it
        assertThat(dismiss(dismissed, "现场为未登记的托老点", "该托老点未在民政部门登记，已移交县市场监管局和城关镇依法处置"))
                .contains("已移交");
    }

    /** The bureau section dismisses the report with the reason; answers the feedback the reporter then sees. */
    private String dismiss(String trackingCode, String findings, String reason) {
        long task = awaitTask("fuli", "WHISTLEBLOWER_VERIFICATION", trackingCode);
        assertThat(api.post("fuli", "/api/tasks/" + task + "/complete", """
                {"substantiated": false, "findings": "%s", "dismissReason": "%s", "verifiedOn": "%s", "signedBy": "钱福利股"}"""
                .formatted(findings, reason, api.today())).status()).isEqualTo(200);
        await().atMost(STEP).until(() -> status(trackingCode).path("status").asText().equals("DISMISSED"));
        return status(trackingCode).path("feedback").asText();
    }

    private Api.Reply unregistered(String name, Long townshipId, String address) {
        return api.bearer(null, HttpMethod.POST, "/api/public/whistleblower-reports", """
                {"institutionName": "%s", "townshipId": %s, "address": "%s", "description": "楼道里堆满杂物，老人出入困难",
                 "reporterKind": "RESIDENT"}""".formatted(name, townshipId, address));
    }

    private long figure(String name) {
        String today = api.today().toString();
        return api.get("fuli", "/api/statistics?from=" + today + "&to=" + today).body().path("total").path(name).asLong();
    }

    private static List<String> fields(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        return StreamSupport.stream(reply.fieldErrors().spliterator(), false).map(e -> e.path("field").asText()).toList();
    }

    /** Photos sent all at once are counted one after another: never more than five to a report. */
    @Test
    void photosSentAllAtOnceStayWithinTheLimit() throws Exception {
        long institution = jdbc.queryForObject("select id from institution where code = 'JG003'", Long.class);
        String code = submit(institution, "楼梯间堆放纸箱");
        List<Integer> answers = AllAtOnce.send(12, i -> {
            byte[] png = new byte[600];
            System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
            png[300] = (byte) i;
            return api.upload(null, "/api/public/whistleblower-reports/" + code + "/photos", "p.png", png).status();
        });
        assertThat(answers.stream().filter(s -> s == 201).count()).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from attachment where subject_type = 'WHISTLEBLOWER' and subject_id = ?",
                Long.class, reportId(code))).isEqualTo(5);
    }

    private String submit(long institution, String what) {
        Api.Reply receipt = api.bearer(null, HttpMethod.POST, "/api/public/whistleblower-reports", """
                {"institutionId": %d, "description": "%s", "reporterKind": "RESIDENT"}""".formatted(institution, what));
        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        assertThat(fieldNames(receipt.body())).doesNotContain("reportId");
        return receipt.body().path("trackingCode").asText();
    }

    private JsonNode status(String code) {
        return api.bearer(null, HttpMethod.GET, "/api/public/whistleblower-reports/" + code, null).body();
    }

    private long awaitTask(String user, String kind, String trackingCode) {
        long report = reportId(trackingCode);
        long task = await().atMost(STEP).until(() -> list(api.get(user, "/api/tasks").body()).stream()
                .filter(t -> t.path("kind").asText().equals(kind) && t.path("subjectId").asLong() == report)
                .map(t -> t.path("id").asLong()).findFirst().orElse(null), id -> id != null);
        assertThat(api.get(user, "/api/tasks/" + task).body().toString()).as("the task names the report, not its tracking code")
                .doesNotContain(trackingCode).contains("JB%06d".formatted(report));
        return task;
    }

    private long reportId(String trackingCode) {
        return jdbc.queryForObject("select id from whistleblower_report where tracking_code = ?", Long.class, trackingCode);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
