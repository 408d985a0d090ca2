package com.civilsafety.ledger.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.people.Person;
import com.civilsafety.ledger.people.PersonContact;
import com.civilsafety.ledger.people.PersonRepository;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox under failure: a cause told twice (a retried job, a replayed step, a rebuild) is written once; what a
 * step rolls back is not written; and a dispatcher that dies after the mail server and the gateway took a message,
 * before it recorded that, leaves the delivery pending — the next dispatcher sends it again with the same Message-ID
 * and Idempotency-Key, so each receiver sees one distinct message.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:notification-outbox;DB_CLOSE_DELAY=-1")
class NotificationOutboxTest {
    private static final ServerSetup SMTP_SETUP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static final GreenMail SMTP = smtp();
    /** the Idempotency-Key of every request the gateway received */
    private static final List<String> GATEWAY_KEYS = new CopyOnWriteArrayList<>();
    private static final HttpServer GATEWAY = gateway();

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP_SETUP::getPort);
        registry.add("civil-safety.notification.webhook.url", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/sms");
        registry.add("civil-safety.notification.webhook.secret", () -> "a-county-shared-secret-0123456789");
    }

    @Autowired
    Notifications notifications;
    @Autowired
    NotificationRepository notices;
    @Autowired
    NotificationDeliveryRepository deliveries;
    @Autowired
    NotificationSettingRepository settings;
    @Autowired
    PersonRepository people;
    @Autowired
    List<DeliveryChannel> channels;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    Clock clock;
    @Autowired
    NotificationRelay relay;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stop() {
        SMTP.stop();
        GATEWAY.stop(0);
    }

    @Test
    void aCauseIsToldOncePerPersonHoweverOftenTheStepRuns() {
        List<Person> managers = people.findEnabledWithRole(Role.INSTITUTION_MANAGER);
        assertThat(managers).hasSizeGreaterThan(Notifications.FEW); // the role read once, the scope matched here
        List<Notifications.Notice> campaignWide = managers.stream().map(p -> new Notifications.Notice("outbox-test:campaign",
                Recipients.covering(Role.INSTITUTION_MANAGER, p.getRegion().getPath(), p.getInstitutionId()),
                new Message(NotificationKind.DEADLINE_REMINDER, "即将到期", "【民政安全】即将到期", "/tasks/1", false))).toList();
        TransactionTemplate tx = new TransactionTemplate(txManager);
        long requests = tx.execute(s -> {
            notifications.notifyAll(campaignWide);
            assertThat(told("outbox-test:campaign")).as("in the step's transaction: only asked for").isZero();
            return jdbc.queryForObject("select count(*) from notification_request where notices like '%outbox-test:campaign%'", Long.class);
        });
        assertThat(requests).as("a row per %d notices", Notifications.PER_REQUEST)
                .isEqualTo((managers.size() + Notifications.PER_REQUEST - 1) / Notifications.PER_REQUEST);
        relay.tellRequested(); // after the commit the relay tells them (this waits for its own run, if one is under way)
        assertThat(told("outbox-test:campaign")).isEqualTo(managers.size());
        assertThat(jdbc.queryForObject("select count(*) from notification_request where notices like '%outbox-test:campaign%'", Long.class))
                .isZero();
        tx.executeWithoutResult(s -> notifications.notifyAll(campaignWide));
        relay.tellRequested();
        assertThat(told("outbox-test:campaign")).as("the step again").isEqualTo(managers.size());
        Person one = managers.getFirst();
        List<PersonContact> covering = people.contactsCovering(Role.INSTITUTION_MANAGER, one.getRegion().getPath(), one.getInstitutionId());
        tx.executeWithoutResult(s -> notifications.notify("outbox-test:one", Recipients.covering(Role.INSTITUTION_MANAGER,
                one.getRegion().getPath(), one.getInstitutionId()), new Message(NotificationKind.NEW_TASK, "t", "b", "/tasks/2", false)));
        relay.tellRequested();
        assertThat(told("outbox-test:one")).as("few records: a query each, the same people").isEqualTo(covering.size());
        assertThat(notices.findAll().stream().filter(n -> n.getCauseKey().equals("outbox-test:campaign"))
                .map(Notification::getPersonId).sorted().toList())
                .isEqualTo(managers.stream().map(Person::getId).sorted().toList());

        try {
            tx.executeWithoutResult(s -> {
                notifications.notify("outbox-test:rolled-back", Recipients.person(one.getId()),
                        new Message(NotificationKind.NEW_TASK, "t", "b", "/tasks/3", false));
                throw new IllegalStateException("the step fails");
            });
        } catch (IllegalStateException expected) {
            // the step's own failure
        }
        relay.tellRequested();
        assertThat(notices.findAll()).noneMatch(n -> n.getCauseKey().equals("outbox-test:rolled-back"));
    }

    @Test
    void aRequestThatCannotBeToldDoesNotHoldUpTheOthersAndStaysForTheNextRun() {
        Person person = people.findEnabledWithRole(Role.TOWNSHIP_OFFICER).getFirst();
        TransactionTemplate tx = new TransactionTemplate(txManager);
        long broken = tx.execute(s -> {
            // what a crash left is told by the next run; one that cannot be read stays, and is logged each run
            jdbc.update("insert into notification_request (created_at, notices) values (current_timestamp, '[{\"cause\"')");
            return jdbc.queryForObject("select max(id) from notification_request", Long.class);
        });
        tx.executeWithoutResult(s -> notifications.notify("outbox-test:after-a-broken-one", Recipients.person(person.getId()),
                new Message(NotificationKind.NEW_TASK, "t", "b", "/tasks/4", false)));
        relay.tellRequested();
        assertThat(told("outbox-test:after-a-broken-one")).isOne();
        assertThat(jdbc.queryForList("select id from notification_request", Long.class)).containsExactly(broken);
        for (int run = 1; run < NotificationRelay.MAX_ATTEMPTS + 3; run++) {
            relay.tellRequested();
        }
        assertThat(jdbc.queryForMap("select attempts, last_error from notification_request where id = ?", broken))
                .as("given up after its attempts, the reason kept").containsEntry("ATTEMPTS", NotificationRelay.MAX_ATTEMPTS)
                .hasEntrySatisfying("LAST_ERROR", e -> assertThat(e.toString()).contains("Notice"));
        jdbc.update("delete from notification_request where id = ?", broken);
    }

    @Test
    void aDispatcherThatDiesAfterSendingSendsAgainWithTheSameKey() throws Exception {
        Person person = people.findEnabledWithRole(Role.TOWNSHIP_OFFICER).getFirst();
        TransactionTemplate tx = new TransactionTemplate(txManager);
        tx.executeWithoutResult(s -> {
            NotificationSetting setting = settings.findById(person.getId())
                    .orElseGet(() -> settings.save(new NotificationSetting(person.getId(), null, false)));
            setting.change(new NotificationPreferences("crash@example.gov.cn", true, "13900000077", true,
                    LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, false));
        });
        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tx.executeWithoutResult(s -> notifications.notify("outbox-test:crash", Recipients.person(person.getId()),
                new Message(NotificationKind.OVERDUE, "整改逾期", "【民政安全】整改逾期", "/hazards/9", false)));
        relay.tellRequested();
        long notice = notices.findAll().stream().filter(n -> n.getCauseKey().equals("outbox-test:crash")).findFirst().orElseThrow().getId();
        Instant after = clock.instant();
        List<NotificationDelivery> written = deliveries.findByNotificationIdIn(List.of(notice));
        assertThat(written).extracting(NotificationDelivery::getChannel).containsExactlyInAnyOrder(Channel.EMAIL, Channel.WEBHOOK);
        assertThat(written).allSatisfy(d -> assertThat(d.getNotBefore()).as("written as the entities read it").isBetween(before, after));

        // the process dies right after each channel took the message, before the attempt is recorded
        Set<Channel> killed = EnumSet.noneOf(Channel.class);
        List<DeliveryChannel> dying = channels.stream().map(c -> (DeliveryChannel) new DeliveryChannel() {
            @Override
            public Channel channel() {
                return c.channel();
            }

            @Override
            public boolean configured() {
                return c.configured();
            }

            @Override
            public void send(Outgoing message) throws DeliveryFailure {
                c.send(message);
                if (message.key().startsWith("civil-safety-notification-" + notice + "-") && killed.add(c.channel())) {
                    throw new ProcessDied();
                }
            }
        }).toList();
        NotificationDispatcher beforeRestart = new NotificationDispatcher(deliveries, notices, dying, txManager, clock, "https://safety.example.gov.cn");
        for (int run = 0; run < 20 && killed.size() < 2; run++) { // others' deliveries go out too
            try {
                beforeRestart.dispatchBatch();
            } catch (ProcessDied expected) {
                // the first channel on one run, the second on a later one
            }
        }
        assertThat(killed).containsExactlyInAnyOrder(Channel.EMAIL, Channel.WEBHOOK);
        assertThat(deliveries.findByNotificationIdIn(List.of(notice))).anyMatch(d -> d.getStatus() == DeliveryStatus.PENDING);

        NotificationDispatcher restarted = new NotificationDispatcher(deliveries, notices, channels, txManager, clock,
                "https://safety.example.gov.cn");
        restarted.dispatchBatch();
        assertThat(deliveries.findByNotificationIdIn(List.of(notice))).allSatisfy(d -> {
            assertThat(d.getStatus()).isEqualTo(DeliveryStatus.SENT);
            assertThat(d.getAttempts()).as("what was recorded").isEqualTo(1);
        });
        List<MimeMessage> mails = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m, "crash@example.gov.cn")).toList();
        assertThat(mails).as("sent twice").hasSize(2);
        assertThat(mails.stream().map(NotificationOutboxTest::id).distinct()).as("one distinct message").hasSize(1);
        String key = "civil-safety-notification-" + notice + "-webhook";
        assertThat(GATEWAY_KEYS.stream().filter(key::equals)).as("sent twice, one key").hasSize(2);
    }

    private long told(String causeKey) {
        return jdbc.queryForObject("select count(*) from notification where cause_key = ?", Long.class, causeKey);
    }

    /** the process's death, not a failure the dispatcher would record */
    private static final class ProcessDied extends Error {
    }

    private static boolean to(MimeMessage m, String address) {
        try {
            return m.getAllRecipients()[0].toString().equals(address);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail smtp() {
        GreenMail mail = new GreenMail(SMTP_SETUP);
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return mail;
    }

    private static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/sms", exchange -> {
                exchange.getRequestBody().readAllBytes();
                GATEWAY_KEYS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
