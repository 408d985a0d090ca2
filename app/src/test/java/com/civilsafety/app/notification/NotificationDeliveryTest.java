package com.civilsafety.app.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.EngineTime;
import com.civilsafety.app.testsupport.HazardSteps;
import com.civilsafety.ledger.notification.Channel;
import com.civilsafety.ledger.notification.DailyDigest;
import com.civilsafety.ledger.notification.NotificationRelay;
import com.civilsafety.ledger.notification.DeliveryChannel;
import com.civilsafety.ledger.notification.NotificationKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 20: an overdue rectification reaches people. The hazard's deadline passes on engine time: its township officer
 * and the bureau section are told (in the platform, by e-mail received by a real SMTP server, by a webhook received
 * with a valid signature), the leader a week later; each once, however often the step is recorded. A gateway that
 * refuses a number is given up with its reason shown to the administrator, who can send it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:notification-delivery;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "civil-safety.notification.dispatch=PT0.3S", "civil-safety.notification.base-url=https://safety.example.gov.cn/"})
@DirtiesContext // its clock runs ahead
@Import(EngineTime.AsClock.class)
class NotificationDeliveryTest {
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String SECRET = "a-county-shared-secret-0123456789";
    /** the gateway refuses this number for good */
    private static final String REFUSED = "13900000009";

    /** a real SMTP server, up before the platform starts, on a port of its own: stopped and started again in a test */
    private static final ServerSetup SMTP_SETUP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static GreenMail smtp = smtp();

    private static final HttpServer GATEWAY = gateway();
    private static final List<Map<String, String>> RECEIVED = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP_SETUP::getPort);
        registry.add("civil-safety.notification.webhook.url", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/sms");
        registry.add("civil-safety.notification.webhook.secret", () -> SECRET);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    EngineTime time;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DailyDigest digest;
    @Autowired
    NotificationRelay relay;
    @Autowired
    List<DeliveryChannel> channels;

    @AfterAll
    static void stopServers() {
        GATEWAY.stop(0);
        smtp.stop();
    }

    private static GreenMail smtp() {
        GreenMail mail = new GreenMail(SMTP_SETUP);
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOverdueRectificationReachesTheTownshipTheSectionAndThenTheLeader() throws Exception {
        Api api = new Api(rest);
        // contact details are checked before anything is stored
        Api.Reply bad = api.post("town1", "/api/notification-settings", settings("not-an-address", "123"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldErrors().toString()).as("every wrong field at once").contains("mobile").contains("email");
        JsonNode current = api.get("town1", "/api/notification-settings").body();
        assertThat(current.path("emailAvailable").asBoolean()).as("an SMTP server is configured").isTrue();
        assertThat(current.path("smsAvailable").asBoolean()).as("a gateway is configured").isTrue();
        Map<String, String> mobiles = Map.of("town1", "13900000001", "fuli", "13900000002", "leader", "13900000003",
                "inst001", REFUSED);
        for (var who : mobiles.entrySet()) {
            Api.Reply saved = api.post(who.getKey(), "/api/notification-settings", settings(who.getKey() + "@example.gov.cn", who.getValue()));
            assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        }

        long hazard = HazardSteps.report(api, institutionOf(api, "inst001"));
        LocalDate deadline = time.today().plusDays(2);
        HazardSteps.complete(api, "town1", hazard, "ASSIGNMENT", """
                {"responsibleUnit": "安澜县社会福利中心", "responsiblePerson": "李建国", "measures": "清理通道", "deadline": "%s"}"""
                .formatted(deadline));
        long rectification = HazardSteps.taskOf(api, "inst001", hazard, "RECTIFICATION");
        // the institution is told of its new task in the platform; its gateway refuses its number
        JsonNode newTask = await().atMost(STEP).until(() -> notice(api, "inst001", "/tasks/" + rectification), n -> n != null);
        assertThat(newTask.path("kindLabel").asText()).isEqualTo("新待办");
        assertThat(newTask.path("body").asText().length()).isLessThanOrEqualTo(70);

        // the deadline passes: level 1 to the township and the section
        time.passTo(deadline.plusDays(1), LocalTime.of(10, 0));
        String code = api.get("fuli", "/api/hazards/" + hazard).body().path("code").asText();
        for (String user : List.of("town1", "fuli")) {
            JsonNode overdue = await().atMost(STEP).until(() -> notice(api, user, "/hazards/" + hazard), n -> n != null);
            assertThat(overdue.path("kind").asText()).isEqualTo("OVERDUE");
            assertThat(overdue.path("body").asText()).contains(code).contains("安澜县社会福利中心")
                    .contains(deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日");
        }
        String link = "/hazards/" + hazard;
        await().atMost(STEP).until(() -> mailsWithLink("town1@example.gov.cn", link) == 1 && mailsWithLink("fuli@example.gov.cn", link) == 1);
        MimeMessage mail = mails("town1@example.gov.cn", "整改逾期").stream().filter(m -> linked(m, link)).findFirst().orElseThrow();
        assertThat(mail.getMessageID()).startsWith("<civil-safety-notification-");
        assertThat((String) mail.getContent()).contains("https://safety.example.gov.cn/hazards/" + hazard);
        await().atMost(STEP).until(() -> webhooksTo("13900000001", link) == 1 && webhooksTo("13900000002", link) == 1);
        assertThat(RECEIVED).allSatisfy(r -> assertThat(r.get("valid")).as("signed with the shared secret").isEqualTo("true"));
        assertThat(notice(api, "leader", "/hazards/" + hazard)).as("not the leader yet").isNull();

        // a week later, level 2: the leader
        time.passTo(deadline.plusDays(8), LocalTime.of(10, 0));
        JsonNode escalated = await().atMost(STEP).until(() -> notice(api, "leader", "/hazards/" + hazard), n -> n != null);
        assertThat(escalated.path("kind").asText()).isEqualTo("ESCALATED");
        await().atMost(STEP).until(() -> mailsWithLink("leader@example.gov.cn", link) == 1);

        // each person once per cause: the notices, the mails, the webhooks
        assertThat(jdbc.queryForObject("""
                select count(*) from notification group by cause_key, person_id order by count(*) desc limit 1""", Long.class))
                .isEqualTo(1);
        Thread.sleep(1500); // a few more dispatch rounds: nothing is sent twice
        assertThat(mailsWithLink("town1@example.gov.cn", link)).isEqualTo(1);
        assertThat(webhooksTo("13900000001", link)).isEqualTo(1);

        // read: the bell counts down; another's notice is not found
        long unread = api.get("town1", "/api/notifications/unread-count").body().path("unread").asLong();
        long id = notice(api, "town1", "/hazards/" + hazard).path("id").asLong();
        assertThat(api.post("fuli", "/api/notifications/" + id + "/read", "{}").status()).isEqualTo(404);
        assertThat(api.post("town1", "/api/notifications/" + id + "/read", "{}").body().path("read").asBoolean()).isTrue();
        assertThat(api.get("town1", "/api/notifications/unread-count").body().path("unread").asLong()).isEqualTo(unread - 1);

        // the refused number: given up with the gateway's answer, shown to the administrator, sent again on request
        JsonNode failed = await().atMost(STEP).until(() -> StreamSupport.stream(
                api.get("admin", "/api/admin/notification-deliveries").body().path("items").spliterator(), false)
                .filter(f -> f.path("address").asText().equals(REFUSED)).findFirst().orElse(null), f -> f != null);
        assertThat(failed.path("reason").asText()).contains("HTTP 400");
        assertThat(failed.path("person").asText()).isNotBlank();
        assertThat(api.get("town1", "/api/admin/notification-deliveries").status()).isEqualTo(403);
        long attemptsBefore = failed.path("attempts").asLong();
        assertThat(api.post("admin", "/api/admin/notification-deliveries/" + failed.path("id").asLong() + "/resend", "{}").status())
                .isEqualTo(200);
        // sent again (and refused again by this gateway): one more attempt recorded since the resend
        await().atMost(STEP).until(() -> jdbc.queryForObject("select last_attempt_at > ? from notification_delivery where id = ?",
                Boolean.class, java.sql.Timestamp.from(Instant.parse(failed.path("lastAttemptAt").asText())), failed.path("id").asLong()));
        assertThat(attemptsBefore).isPositive();
        long sent = jdbc.queryForObject("select min(id) from notification_delivery where status = 'SENT'", Long.class);
        assertThat(api.post("admin", "/api/admin/notification-deliveries/" + sent + "/resend", "{}").status())
                .as("a delivery that went out is not sent again").isEqualTo(409);
    }

    /**
     * In quiet hours (22:00–07:00) a 挂牌督办 reaches the leader at once; a township's new task waits for 07:00 — in
     * the platform it is there at once either way.
     */
    @Test
    void inQuietHoursASupervisionGoesOutAtOnceAndANewTaskAtSeven() throws Exception {
        Api api = new Api(rest);
        for (String user : List.of("leader", "town1")) {
            assertThat(api.post(user, "/api/notification-settings", settings(user + "@example.gov.cn", null, "22:00", "07:00")).status())
                    .isEqualTo(200);
        }
        LocalDate night = time.today().plusDays(1);
        time.passTo(night, LocalTime.of(23, 0));
        long home = institutionOf(api, "inst001");
        long major = reported(api, home, "YL-4-2"); // major, residents exposed: 挂牌督办 for the leader
        long general = reported(api, home, "GEN-FIRE"); // 落实整改责任 for the township
        long supervision = HazardSteps.taskOf(api, "leader", major, "SUPERVISION");
        long assignment = HazardSteps.taskOf(api, "town1", general, "ASSIGNMENT");
        await().atMost(STEP).until(() -> mailsWithLink("leader@example.gov.cn", "/tasks/" + supervision) == 1);
        relay.tellRequested();
        assertThat(notice(api, "town1", "/tasks/" + assignment)).as("in the platform at once").isNotNull();
        Thread.sleep(1500); // several dispatch rounds
        assertThat(mailsWithLink("town1@example.gov.cn", "/tasks/" + assignment)).as("not at 23:00").isZero();
        time.passTo(night.plusDays(1), LocalTime.of(7, 0));
        await().atMost(STEP).until(() -> mailsWithLink("town1@example.gov.cn", "/tasks/" + assignment) == 1);
    }

    /** The mail server is down for a while: the delivery is retried with back-off, then delivered, once. */
    @Test
    void aMailServerThatIsDownIsTriedAgainUntilTheMailIsDelivered() {
        Api api = new Api(rest);
        assertThat(api.post("town1", "/api/notification-settings", settings("town1@example.gov.cn", null, "00:00", "00:00")).status())
                .isEqualTo(200);
        smtp.stop();
        long hazard = reported(api, institutionOf(api, "inst001"), "GEN-FIRE");
        long assignment = HazardSteps.taskOf(api, "town1", hazard, "ASSIGNMENT");
        String link = "/tasks/" + assignment;
        await().atMost(STEP).until(() -> jdbc.queryForObject("""
                select count(*) from notification_delivery d join notification n on n.id = d.notification_id
                where n.link = ? and d.channel = 'EMAIL' and d.status = 'PENDING' and d.attempts > 0 and d.last_error is not null""",
                Long.class, link) == 1);
        smtp = smtp();
        time.pass(Duration.ofMinutes(3)); // past the back-off
        await().atMost(STEP).until(() -> mailsWithLink("town1@example.gov.cn", link) == 1);
        assertThat(jdbc.queryForObject("""
                select d.status from notification_delivery d join notification n on n.id = d.notification_id
                where n.link = ? and d.channel = 'EMAIL'""", String.class, link)).isEqualTo("SENT");
    }

    /**
     * 每日汇总: for the leader and the section, the figures of the statistics for this year up to the day over their
     * scope — overdue hazards (and the township with most), 挂牌督办 not closed.
     */
    @Test
    void theDailyDigestSaysWhatTheStatisticsSay() {
        Api api = new Api(rest);
        for (String user : List.of("leader", "fuli")) {
            assertThat(api.post(user, "/api/notification-settings", """
                    {"email": null, "emailEnabled": false, "mobile": null, "webhookEnabled": false,
                     "quietFrom": "22:00", "quietUntil": "07:00", "digest": true}""").status()).isEqualTo(200);
        }
        long home = institutionOf(api, "inst001");
        reported(api, home, "YL-4-2"); // 挂牌督办
        LocalDate day = time.today();
        Api.Reply old = api.post("inspector1", "/api/hazards", """
                {"institutionId": %d, "description": "通知测试隐患", "location": "二楼", "criterionCode": "GEN-FIRE",
                 "residentsExposed": true, "source": "DEPARTMENT_CHECK", "foundOn": "%s"}""".formatted(home, day.minusDays(40)));
        assertThat(old.status()).as("found 40 days ago: overdue").isEqualTo(201);
        String query = "/api/statistics?groupBy=REGION&from=" + day.withDayOfYear(1) + "&to=" + day;
        // the loops settle (grading, 挂牌督办) before the figures are compared
        JsonNode settled = await().atMost(STEP).pollInterval(Duration.ofSeconds(1)).until(() -> api.get("fuli", query).body(),
                f -> f.path("total").path("overdue").asLong() > 0 && f.equals(api.get("fuli", query).body()));
        assertThat(settled.path("total").path("listedSupervision").asLong()).isPositive();

        digest.send(day);
        for (String user : List.of("leader", "fuli")) {
            JsonNode total = api.get(user, query).body().path("total");
            JsonNode notice = StreamSupport.stream(api.get(user, "/api/notifications?size=100").body().path("items").spliterator(), false)
                    .filter(n -> n.path("kind").asText().equals("DIGEST")
                            && n.path("title").asText().contains(day.getMonthValue() + "月" + day.getDayOfMonth() + "日"))
                    .findFirst().orElseThrow();
            assertThat(notice.path("title").asText()).as(user)
                    .contains("逾期隐患" + total.path("overdue").asLong() + "条")
                    .contains("挂牌督办未销号" + (total.path("listedSupervision").asLong() - total.path("listedSupervisionClosed").asLong()) + "条");
            JsonNode most = StreamSupport.stream(api.get(user, query).body().path("rows").spliterator(), false)
                    .max(java.util.Comparator.comparingLong(r -> r.path("figures").path("overdue").asLong())).orElseThrow();
            assertThat(notice.path("title").asText()).contains(most.path("label").asText() + most.path("figures").path("overdue").asLong());
            assertThat(notice.path("body").asText().length()).isLessThanOrEqualTo(70);
        }
        assertThat(digest.send(day)).as("once a day").isZero();
    }

    private long reported(Api api, long institution, String criterion) {
        Api.Reply reported = api.post("inspector1", "/api/hazards", """
                {"institutionId": %d, "description": "通知测试隐患", "location": "二楼", "criterionCode": "%s",
                 "residentsExposed": true, "source": "DEPARTMENT_CHECK", "foundOn": "%s"}""".formatted(institution, criterion, time.today()));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        return reported.body().path("id").asLong();
    }

    /** the distinct mails (by Message-ID) to an address whose text links to the record */
    private static long mailsWithLink(String to, String link) {
        return List.of(smtp.getReceivedMessages()).stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to) && linked(m, link);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count();
    }

    private static String settings(String email, String mobile, String quietFrom, String quietUntil) {
        return """
                {"email": "%s", "emailEnabled": true, "mobile": %s, "webhookEnabled": %s,
                 "quietFrom": "%s", "quietUntil": "%s", "digest": false}""".formatted(email, mobile == null ? "null" : "\"" + mobile + "\"",
                mobile != null, quietFrom, quietUntil);
    }

    private static String settings(String email, String mobile) {
        // no quiet hours: whatever the time of day the test runs at, everything goes out at once
        return """
                {"email": "%s", "emailEnabled": true, "mobile": "%s", "webhookEnabled": true,
                 "quietFrom": "00:00", "quietUntil": "00:00", "digest": false}""".formatted(email, mobile);
    }

    private static JsonNode notice(Api api, String user, String link) {
        return StreamSupport.stream(api.get(user, "/api/notifications?size=100").body().path("items").spliterator(), false)
                .filter(n -> n.path("link").asText().equals(link)).findFirst().orElse(null);
    }

    private static long institutionOf(Api api, String user) {
        return api.get(user, "/api/institutions").body().path("items").get(0).path("id").asLong();
    }

    private static List<MimeMessage> mails(String to, String subject) {
        return List.of(smtp.getReceivedMessages()).stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains(subject);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static boolean linked(MimeMessage m, String link) {
        try {
            return Pattern.compile(Pattern.quote(link) + "\\s").matcher((String) m.getContent()).find();
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** the distinct webhook messages (by Idempotency-Key) to a number about the record */
    private static long webhooksTo(String mobile, String link) {
        return RECEIVED.stream().filter(r -> r.get("body").contains("\"mobile\":\"" + mobile + "\"")
                && r.get("body").matches("(?s).*\"url\":\"[^\"]*" + Pattern.quote(link) + "\".*")).map(r -> r.get("key")).distinct().count();
    }

    /** The county's gateway: checks the signature of every request, refuses {@link #REFUSED} with 400. */
    private static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/sms", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String timestamp = exchange.getRequestHeaders().getFirst("X-Civil-Safety-Timestamp");
                String signature = exchange.getRequestHeaders().getFirst("X-Civil-Safety-Signature");
                boolean valid = signature != null && signature.equals("sha256=" + hmac(timestamp + "." + body));
                int status = body.contains(REFUSED) ? 400 : 200;
                if (status == 200) {
                    RECEIVED.add(Map.of("body", body, "valid", String.valueOf(valid),
                            "key", String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"))));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
