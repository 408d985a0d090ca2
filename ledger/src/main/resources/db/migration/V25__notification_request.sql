-- What a step asks to be told, written in its transaction as a few rows however many people it concerns (a
-- campaign-wide reminder: two thousand managers), and turned into each person's notice and deliveries right after the
-- commit (NotificationRelay), so the step does not pay for the fan-out. A row is deleted in the transaction that
-- tells its notices: what is here has not been told yet.
create table notification_request (
    id          ${id},
    created_at  ${timestamp}  not null,
    notices     ${text}       not null
)${table_options};
