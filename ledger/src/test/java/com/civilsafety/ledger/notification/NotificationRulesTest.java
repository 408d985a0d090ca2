package com.civilsafety.ledger.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.LedgerTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Quiet hours, the SMS length, retries and the checks on contact details: the rules, on fixed days and times. */
class NotificationRulesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 31); // the year's last day: the morning is next year's

    private static Instant at(LocalDate day, int hour, int minute) {
        return LedgerTime.at(day, LocalTime.of(hour, minute)).toInstant();
    }

    @Test
    void inQuietHoursOnlyUrgentNoticesGoOutTheRestAtSevenInTheMorning() {
        NotificationPreferences setting = new NotificationSetting(1L, "13900000001", false).preferences();
        assertThat(setting.notBefore(at(DAY, 23, 30), false)).isEqualTo(at(DAY.plusDays(1), 7, 0));
        assertThat(setting.notBefore(at(DAY, 23, 30), true)).as("挂牌督办, a major hazard: at once").isEqualTo(at(DAY, 23, 30));
        assertThat(setting.notBefore(at(DAY, 6, 59), false)).isEqualTo(at(DAY, 7, 0));
        assertThat(setting.notBefore(at(DAY, 7, 0), false)).isEqualTo(at(DAY, 7, 0));
        assertThat(setting.notBefore(at(DAY, 21, 59), false)).isEqualTo(at(DAY, 21, 59));
        assertThat(setting.notBefore(at(DAY, 22, 0), false)).isEqualTo(at(DAY.plusDays(1), 7, 0));
    }

    @Test
    void quietHoursWithinADayAndNone() {
        var lunch = new NotificationPreferences(null, false, null, false, LocalTime.of(12, 0), LocalTime.of(14, 0), false);
        assertThat(lunch.notBefore(at(DAY, 12, 30), false)).isEqualTo(at(DAY, 14, 0));
        assertThat(lunch.notBefore(at(DAY, 23, 0), false)).isEqualTo(at(DAY, 23, 0));
        var none = new NotificationPreferences(null, false, null, false, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, false);
        assertThat(none.notBefore(at(DAY, 3, 0), false)).as("from = until: no quiet hours").isEqualTo(at(DAY, 3, 0));
    }

    @Test
    void anSmsBodyIsAtMostSeventyCharacters() {
        String longText = "【民政安全】" + "隐患整改：二楼消防通道堆放杂物".repeat(10);
        Message message = new Message(NotificationKind.NEW_TASK, "t", longText, "/tasks/1", false);
        assertThat(message.body().codePointCount(0, message.body().length())).isEqualTo(Message.SMS_CHARS);
        assertThat(message.body()).endsWith("…");
        assertThat(new Message(NotificationKind.NEW_TASK, "t", "短消息", "/tasks/1", false).body()).isEqualTo("短消息");
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackOffThenGivenUp() {
        NotificationDelivery d = new NotificationDelivery(7L, Channel.EMAIL, "a@example.gov.cn", at(DAY, 9, 0));
        Instant now = at(DAY, 9, 0);
        for (int attempt = 1; attempt < NotificationDelivery.MAX_ATTEMPTS; attempt++) {
            d.failed(now, "connection refused", false);
            assertThat(d.getStatus()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(Duration.between(now, d.getNotBefore())).isEqualTo(Duration.ofMinutes(1L << (attempt - 1)));
        }
        d.failed(now, "connection refused", false);
        assertThat(d.getStatus()).isEqualTo(DeliveryStatus.GAVE_UP);
        assertThat(d.getLastError()).isEqualTo("connection refused");
        assertThat(d.messageKey()).as("the same on every attempt").isEqualTo("civil-safety-notification-7-email");

        NotificationDelivery refused = new NotificationDelivery(8L, Channel.WEBHOOK, "13900000009", now);
        refused.failed(now, "HTTP 400", true);
        assertThat(refused.getStatus()).as("a refusal is not retried").isEqualTo(DeliveryStatus.GAVE_UP);
        refused.resend("13900000008", now);
        assertThat(refused.getStatus()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(refused.getAddress()).isEqualTo("13900000008");
    }

    @Test
    void contactDetailsAreCheckedWithTheFieldNamed() {
        LocalTime q = LocalTime.of(22, 0);
        LocalTime u = LocalTime.of(7, 0);
        assertField(new NotificationPreferences("not-mail", false, null, false, q, u, false), "email");
        assertField(new NotificationPreferences(null, true, null, false, q, u, false), "email");
        assertField(new NotificationPreferences(null, false, "1390000000", false, q, u, false), "mobile");
        assertField(new NotificationPreferences(null, false, "12900000000", false, q, u, false), "mobile");
        assertField(new NotificationPreferences(null, false, null, true, q, u, false), "mobile");
        assertField(new NotificationPreferences(null, false, null, false, null, u, false), "quietFrom");
        assertThatThrownBy(new NotificationPreferences("not-mail", true, "123", true, null, null, false)::check)
                .as("every wrong field at once").isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fields()).containsOnlyKeys("email", "mobile", "quietFrom", "quietUntil"));
        new NotificationPreferences(" a@example.gov.cn ", true, "13900000001", true, q, u, true).check();
        assertThat(new NotificationPreferences("  ", false, "", false, q, u, false).email()).isNull();
        assertThat(new NotificationPreferences(null, false, "139 0000-2001", true, q, u, false).mobile()).isEqualTo("13900002001");
        assertThat(new NotificationPreferences(null, false, "１３９００００２００１", true, q, u, false).mobile()).isEqualTo("13900002001");
        assertThat(new NotificationPreferences(null, false, null, false, LocalTime.of(22, 17, 33), u, false).quietFrom())
                .isEqualTo(LocalTime.of(22, 17));
    }

    private static void assertField(NotificationPreferences p, String field) {
        assertThatThrownBy(p::check).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields()).containsOnlyKeys(field));
    }
}
