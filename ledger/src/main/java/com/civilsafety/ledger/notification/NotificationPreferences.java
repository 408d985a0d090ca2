package com.civilsafety.ledger.notification;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.LedgerTime;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A person's notification settings as the API shows and takes them; checked before anything is stored. */
public record NotificationPreferences(String email, boolean emailEnabled, String mobile, boolean webhookEnabled,
                                      LocalTime quietFrom, LocalTime quietUntil, boolean digest) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    /** a mainland mobile number: 11 digits starting 13–19 */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public NotificationPreferences {
        email = blankToNull(email);
        mobile = mobile(blankToNull(mobile));
        quietFrom = quietFrom == null ? null : quietFrom.truncatedTo(ChronoUnit.MINUTES); // quiet hours are kept to the minute
        quietUntil = quietUntil == null ? null : quietUntil.truncatedTo(ChronoUnit.MINUTES);
    }

    /** a number as people type it: spaces and dashes left out, full-width digits (１３９…) read as digits */
    private static String mobile(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        typed.codePoints().filter(c -> !Character.isWhitespace(c) && c != '-' && c != '\u3000')
                .map(c -> c >= '０' && c <= '９' ? c - '０' + '0' : c).forEach(digits::appendCodePoint);
        return digits.toString();
    }

    /** When a notice made now may go out: at once if urgent or outside quiet hours, else when they end. */
    Instant notBefore(Instant now, boolean urgent) {
        if (urgent || quietFrom.equals(quietUntil)) {
            return now;
        }
        ZonedDateTime local = now.atZone(LedgerTime.ZONE);
        LocalTime time = local.toLocalTime();
        boolean overnight = quietFrom.isAfter(quietUntil);
        boolean quiet = overnight ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.with(quietUntil).withNano(0);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    String addressOf(Channel channel) {
        return switch (channel) {
            case EMAIL -> emailEnabled ? email : null;
            case WEBHOOK -> webhookEnabled ? mobile : null;
        };
    }

    /** every field that is wrong, at once */
    void check() {
        Map<String, String> wrong = new LinkedHashMap<>();
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            wrong.put("email", "电子邮箱格式不正确，例如 name@example.gov.cn");
        } else if (emailEnabled && email == null) {
            wrong.put("email", "开启邮件通知须填写电子邮箱");
        }
        if (mobile != null && !MOBILE.matcher(mobile).matches()) {
            wrong.put("mobile", "手机号码应为11位数字，以13–19开头");
        } else if (webhookEnabled && mobile == null) {
            wrong.put("mobile", "开启短信通知须填写手机号码");
        }
        if (quietFrom == null) {
            wrong.put("quietFrom", "请填写免打扰开始时间");
        }
        if (quietUntil == null) {
            wrong.put("quietUntil", "请填写免打扰结束时间");
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
