-- What a step asks to be told, written in its transaction as a few rows however many people it concerns (a
-- campaign-wide reminder: two thousand managers), and turned into each person's notice and deliveries right after the
-- commit (NotificationRelay), so the step does not pay for the fan-out. A row is deleted in the transaction that
-- tells its notices: what is here has not been told yet. One that fails counts its attempts; after ten it is left
-- for an administrator.
create table notification_request (
    id          ${id},
    created_at  ${timestamp}  not null,
    notices     ${text}       not null,
    attempts    int           default 0 not null,
    last_error  varchar(500)  null
)${table_options};
