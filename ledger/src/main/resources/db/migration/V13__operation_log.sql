-- 操作日志: what signed-in people did through the API (changes, exports, administration); append-only.
create table operation_log (
    id          ${id},
    occurred_at ${timestamp}   not null,
    actor_id    bigint,
    username    varchar(64)   not null,
    actor_name  varchar(64)   not null,
    method      varchar(8)    not null,
    path        varchar(255)  not null,
    query       varchar(1000),
    status      integer       not null,
    client      varchar(64)
)${table_options};
create index ix_operation_log_time on operation_log (occurred_at);
