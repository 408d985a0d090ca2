-- 操作日志: what signed-in people did through the API (changes, exports, administration); append-only (MySQL 8 /
-- MariaDB 10.11+; keep in step with ../h2/V13__operation_log.sql).
create table operation_log (
    id          bigint auto_increment primary key,
    occurred_at datetime(6)   not null,
    actor_id    bigint,
    username    varchar(64)   not null,
    actor_name  varchar(64)   not null,
    method      varchar(8)    not null,
    path        varchar(255)  not null,
    query       varchar(1000),
    status      integer       not null,
    client      varchar(64)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_operation_log_time on operation_log (occurred_at);
