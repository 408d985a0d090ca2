-- The full rectification loop (MySQL 8 / MariaDB 10.11+). Keep in step with ../h2/V3__rectification_loop.sql.

alter table hazard add column fixed_on_site boolean default false not null;
alter table hazard add column escalation_days integer;
alter table hazard add column escalation_level integer default 0 not null;
alter table hazard add column responsible_unit varchar(128);
alter table hazard add column responsible_person varchar(64);
alter table hazard add column supervising_leader_id bigint;
alter table hazard add constraint fk_hazard_leader foreign key (supervising_leader_id) references person (id);
alter table hazard add column reopened_from_id bigint;
alter table hazard add constraint fk_hazard_reopened_from foreign key (reopened_from_id) references hazard (id);

-- a hazard fixed on the spot (立查立改) has a rectification that no task asked for
alter table hazard_rectification modify task_id bigint null;

create table hazard_escalation (
    id             bigint auto_increment primary key,
    hazard_id      bigint       not null,
    level          integer      not null,
    escalated_at   datetime(6) not null,
    notified_roles varchar(255) not null,
    action         varchar(255) not null,
    job_key        bigint,
    foreign key (hazard_id) references hazard (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table hazard_extension_request (
    id                 bigint auto_increment primary key,
    hazard_id          bigint        not null,
    requested_deadline date          not null,
    reason             varchar(2000) not null,
    requested_by       bigint        not null,
    requested_at       datetime(6)  not null,
    status             varchar(16)   not null,
    decided_by         bigint,
    decided_at         datetime(6),
    opinion            varchar(2000),
    approved_deadline  date,
    foreign key (hazard_id) references hazard (id),
    foreign key (requested_by) references person (id),
    foreign key (decided_by) references person (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_hazard_extension_hazard on hazard_extension_request (hazard_id);
