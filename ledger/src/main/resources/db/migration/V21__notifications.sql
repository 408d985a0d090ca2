-- The outbox of notifications (issue 20): one row per person and cause, written in the transaction of the step that
-- caused it; the unique cause key keeps a retried job, a replayed step or a rebuilt instance from notifying twice.
create table notification (
    id          ${id},
    person_id   bigint        not null,
    cause_key   varchar(160)  not null,
    kind        varchar(32)   not null,
    title       varchar(200)  not null,
    body        varchar(500)  not null,
    link        varchar(255)  not null,
    urgent      boolean       not null,
    created_at  ${timestamp}  not null,
    read_at     ${timestamp}  null,
    constraint uk_notification_cause unique (cause_key, person_id)
);
create index ix_notification_person on notification (person_id, read_at, id);

-- one delivery per notification and outside channel (e-mail, webhook); in-app is the notification row itself
create table notification_delivery (
    id              ${id},
    notification_id bigint        not null,
    channel         varchar(16)   not null,
    address         varchar(200)  not null,
    status          varchar(16)   not null,
    attempts        int           not null,
    not_before      ${timestamp}  not null,
    last_attempt_at ${timestamp}  null,
    last_error      varchar(500)  null,
    sent_at         ${timestamp}  null,
    constraint uk_delivery_channel unique (notification_id, channel)
);
create index ix_delivery_due on notification_delivery (status, not_before);

-- a person's choices: channels, contact details, quiet hours, the daily digest
create table notification_setting (
    person_id       bigint        not null primary key,
    email           varchar(200)  null,
    email_enabled   boolean       not null,
    mobile          varchar(20)   null,
    webhook_enabled boolean       not null,
    -- minutes after midnight (a time column's precision differs between H2 and MySQL)
    quiet_from      int           not null,
    quiet_until     int           not null,
    digest          boolean       not null,
    version         bigint        not null
);
