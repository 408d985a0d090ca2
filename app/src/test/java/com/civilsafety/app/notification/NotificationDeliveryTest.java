package com.civilsafety.app.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.app.testsupport.Api;
import com.civilsafety.app.testsupport.EngineTime;
import com.civilsafety.app.testsupport.HazardSteps;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /** a real SMTP server, up before the platform starts (its port goes into the platform's settings) */
    private static final GreenMail SMTP = smtp();

    private static final HttpServer GATEWAY = gateway();
    private static final List<Map<String, String>> RECEIVED = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("civil-safety.notification.webhook.url", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/sms");
        registry.add("civil-safety.notification.webhook.secret", () -> SECRET);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    EngineTime time;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopServers() {
        GATEWAY.stop(0);
        SMTP.stop();
    }

    private static GreenMail smtp() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return mail;
    }

    @Test
    void anOverdueRectificationReachesTheTownshipTheSectionAndThenTheLeader() throws Exception {
        Api api = new Api(rest);
        // contact details are checked before anything is stored
        Api.Reply badMobile = api.post("town1", "/api/notification-settings", settings("town1@example.gov.cn", "123"));
        assertThat(badMobile.status()).isEqualTo(400);
        assertThat(badMobile.fieldErrors().toString()).contains("mobile");
        assertThat(api.post("town1", "/api/notification-settings", settings("not-an-address", "13900000001")).status()).isEqualTo(400);
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
        await().atMost(STEP).until(() -> mailsTo("town1@example.gov.cn", "整改逾期") == 1 && mailsTo("fuli@example.gov.cn", "整改逾期") == 1);
        MimeMessage mail = mails("town1@example.gov.cn", "整改逾期").get(0);
        assertThat(mail.getMessageID()).startsWith("<civil-safety-notification-");
        assertThat((String) mail.getContent()).contains("https://safety.example.gov.cn/hazards/" + hazard);
        await().atMost(STEP).until(() -> webhooksTo("13900000001", "OVERDUE") == 1 && webhooksTo("13900000002", "OVERDUE") == 1);
        assertThat(RECEIVED).allSatisfy(r -> assertThat(r.get("valid")).as("signed with the shared secret").isEqualTo("true"));
        assertThat(notice(api, "leader", "/hazards/" + hazard)).as("not the leader yet").isNull();

        // a week later, level 2: the leader
        time.passTo(deadline.plusDays(8), LocalTime.of(10, 0));
        JsonNode escalated = await().atMost(STEP).until(() -> notice(api, "leader", "/hazards/" + hazard), n -> n != null);
        assertThat(escalated.path("kind").asText()).isEqualTo("ESCALATED");
        await().atMost(STEP).until(() -> mailsTo("leader@example.gov.cn", "升级") == 1);

        // each person once per cause: the notices, the mails, the webhooks
        assertThat(jdbc.queryForObject("""
                select count(*) from notification group by cause_key, person_id order by count(*) desc limit 1""", Long.class))
                .isEqualTo(1);
        Thread.sleep(1500); // a few more dispatch rounds: nothing is sent twice
        assertThat(mailsTo("town1@example.gov.cn", "整改逾期")).isEqualTo(1);
        assertThat(webhooksTo("13900000001", "OVERDUE")).isEqualTo(1);

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
        assertThat(api.post("admin", "/api/admin/notification-deliveries/" + failed.path("id").asLong() + "/resend", "{}").status())
                .isEqualTo(200);
        assertThat(api.post("admin", "/api/admin/notification-deliveries/" + failed.path("id").asLong() + "/resend", "{}").status())
                .as("pending again: nothing to resend").isEqualTo(409);
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
        return List.of(SMTP.getReceivedMessages()).stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains(subject);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static long mailsTo(String to, String subject) {
        return mails(to, subject).stream().map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count();
    }

    private static long webhooksTo(String mobile, String kind) {
        return RECEIVED.stream().filter(r -> r.get("body").contains("\"mobile\":\"" + mobile + "\"")
                && r.get("body").contains("\"kind\":\"" + kind + "\"")).map(r -> r.get("key")).distinct().count();
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
