package com.civilsafety.ledger.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;

/**
 * A notification on its way out on one channel: pending until {@code notBefore} (quiet hours, the next retry), then
 * sent, or given up after {@link #MAX_ATTEMPTS} with the last reason. Every attempt carries the same
 * {@link #messageKey()}, so a receiver can drop a message it has seen (a resend after a crash between sending and
 * recording).
 */
@Entity
public class NotificationDelivery {
    static final int MAX_ATTEMPTS = 6;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long notificationId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String address;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;
    private int attempts;
    private Instant notBefore;
    private Instant lastAttemptAt;
    private String lastError;
    private Instant sentAt;

    protected NotificationDelivery() {
    }

    NotificationDelivery(long notificationId, Channel channel, String address, Instant notBefore) {
        this.notificationId = notificationId;
        this.channel = channel;
        this.address = address;
        this.status = DeliveryStatus.PENDING;
        this.notBefore = notBefore;
    }

    /** the Message-ID of an e-mail, the Idempotency-Key of a webhook request: the same for every attempt */
    public String messageKey() {
        return "civil-safety-notification-" + notificationId + "-" + channel.name().toLowerCase();
    }

    void sent(Instant at) {
        attempts++;
        lastAttemptAt = at;
        status = DeliveryStatus.SENT;
        sentAt = at;
        lastError = null;
    }

    /** A failed attempt: tried again after 1, 2, 4, 8 … minutes, given up at once when retrying cannot help. */
    void failed(Instant at, String reason, boolean permanent) {
        attempts++;
        lastAttemptAt = at;
        lastError = reason == null ? "未知错误" : reason.length() > 500 ? reason.substring(0, 500) : reason;
        if (permanent || attempts >= MAX_ATTEMPTS) {
            status = DeliveryStatus.GAVE_UP;
        } else {
            notBefore = at.plus(Duration.ofMinutes(1L << (attempts - 1)));
        }
    }

    /** 重新发送: an administrator sends a given-up delivery again (to the address as it is now). */
    void resend(String newAddress, Instant at) {
        status = DeliveryStatus.PENDING;
        attempts = 0;
        notBefore = at;
        address = newAddress;
    }

    public Long getId() {
        return id;
    }

    public Long getNotificationId() {
        return notificationId;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getAddress() {
        return address;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
