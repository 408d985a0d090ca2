package com.civilsafety.ledger.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * One notice to one person (the in-app channel itself), written with the step that caused it. {@code causeKey} names
 * the cause (a task opened, an escalation recorded): the same cause never notifies the same person twice.
 */
@Entity
public class Notification {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long personId;
    private String causeKey;
    @Enumerated(EnumType.STRING)
    private NotificationKind kind;
    private String title;
    /** the text an SMS carries (at most 70 characters) */
    private String body;
    /** the platform's page of the record, as a path (/tasks/12) */
    private String link;
    /** a major hazard or 挂牌督办: delivered at once, also in quiet hours */
    private boolean urgent;
    private Instant createdAt;
    private Instant readAt;

    protected Notification() {
    }

    Notification(long personId, String causeKey, Message message, Instant createdAt) {
        this.personId = personId;
        this.causeKey = causeKey;
        this.kind = message.kind();
        this.title = message.title();
        this.body = message.body();
        this.link = message.link();
        this.urgent = message.urgent();
        this.createdAt = createdAt;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public String getCauseKey() {
        return causeKey;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getLink() {
        return link;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
