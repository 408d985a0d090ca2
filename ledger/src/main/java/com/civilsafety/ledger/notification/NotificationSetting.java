package com.civilsafety.ledger.notification;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalTime;

/**
 * A person's choices: e-mail and SMS/government messaging on or off with their addresses, quiet hours (22:00–07:00
 * unless changed) in which only urgent notices go out, and whether the daily digest is wanted. A person without a
 * row has the defaults: SMS to the mobile number on record, no e-mail, the default quiet hours.
 */
@Entity
public class NotificationSetting {
    static final LocalTime QUIET_FROM = LocalTime.of(22, 0);
    static final LocalTime QUIET_UNTIL = LocalTime.of(7, 0);

    @Id
    private Long personId;
    private String email;
    private boolean emailEnabled;
    private String mobile;
    private boolean webhookEnabled;
    @Convert(converter = MinuteOfDay.class)
    private LocalTime quietFrom;
    @Convert(converter = MinuteOfDay.class)
    private LocalTime quietUntil;
    private boolean digest;
    @Version
    private long version;

    protected NotificationSetting() {
    }

    NotificationSetting(long personId, String mobile, boolean digest) {
        this.personId = personId;
        this.mobile = mobile;
        this.webhookEnabled = mobile != null;
        this.quietFrom = QUIET_FROM;
        this.quietUntil = QUIET_UNTIL;
        this.digest = digest;
    }

    void change(NotificationPreferences p) {
        this.email = p.email();
        this.emailEnabled = p.emailEnabled();
        this.mobile = p.mobile();
        this.webhookEnabled = p.webhookEnabled();
        this.quietFrom = p.quietFrom();
        this.quietUntil = p.quietUntil();
        this.digest = p.digest();
    }

    public NotificationPreferences preferences() {
        return new NotificationPreferences(email, emailEnabled, mobile, webhookEnabled, quietFrom, quietUntil, digest);
    }

    public Long getPersonId() {
        return personId;
    }

    /** A time of day as minutes after midnight: the same column on H2 and MySQL. */
    @Converter
    static class MinuteOfDay implements AttributeConverter<LocalTime, Integer> {
        @Override
        public Integer convertToDatabaseColumn(LocalTime time) {
            return time == null ? null : time.getHour() * 60 + time.getMinute();
        }

        @Override
        public LocalTime convertToEntityAttribute(Integer minutes) {
            return minutes == null ? null : LocalTime.of(minutes / 60, minutes % 60);
        }
    }
}
