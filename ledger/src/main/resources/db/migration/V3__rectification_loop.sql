-- The full rectification loop.

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
alter table hazard_rectification ${modify_column} task_id bigint null;

create table hazard_escalation (
    id             ${id},
    hazard_id      bigint       not null,
    level          integer      not null,
    escalated_at   ${timestamp} not null,
    notified_roles varchar(255) not null,
    action         varchar(255) not null,
    job_key        bigint,
    foreign key (hazard_id) references hazard (id)
)${table_options};

create table hazard_extension_request (
    id                 ${id},
    hazard_id          bigint        not null,
    requested_deadline date          not null,
    reason             varchar(2000) not null,
    requested_by       bigint        not null,
    requested_at       ${timestamp}  not null,
    status             varchar(16)   not null,
    decided_by         bigint,
    decided_at         ${timestamp},
    opinion            varchar(2000),
    approved_deadline  date,
    foreign key (hazard_id) references hazard (id),
    foreign key (requested_by) references person (id),
    foreign key (decided_by) references person (id)
)${table_options};
create index ix_hazard_extension_hazard on hazard_extension_request (hazard_id);
