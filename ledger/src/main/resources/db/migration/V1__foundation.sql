-- Foundation schema. One migration set for H2 and for MySQL 8 / MariaDB 10.11+: what the dialects write differently
-- is a Flyway placeholder, set per database in civil-safety-ledger.yml (id: an identity key; timestamp: UTC with
-- microseconds, datetime(6) on MySQL, not timestamp, which MariaDB auto-updates; json and text: documents;
-- table_options: InnoDB and utf8mb4 on MySQL; modify_column and drop_unique: the two ALTERs they spell apart).
-- Foreign keys are table constraints: MySQL ignores inline column REFERENCES.

create table region (
    id          ${id},
    code        varchar(12)  not null,
    name        varchar(64)  not null,
    level       varchar(16)  not null,
    parent_id   bigint,
    path        varchar(255) not null,
    constraint uk_region_code unique (code),
    foreign key (parent_id) references region (id)
)${table_options};
create index ix_region_path on region (path);

create table person (
    id             ${id},
    username       varchar(64)  not null,
    display_name   varchar(64)  not null,
    phone          varchar(32),
    password_hash  varchar(100),
    enabled        boolean      not null,
    region_id      bigint       not null,
    institution_id bigint,
    created_at     ${timestamp} not null,
    constraint uk_person_username unique (username),
    foreign key (region_id) references region (id)
)${table_options};

create table person_role (
    person_id bigint      not null,
    role      varchar(32) not null,
    primary key (person_id, role),
    foreign key (person_id) references person (id)
)${table_options};

create table institution (
    id                   ${id},
    code                 varchar(32)  not null,
    name                 varchar(128) not null,
    type                 varchar(32)  not null,
    region_id            bigint       not null,
    address              varchar(255),
    capacity             integer,
    principal_name       varchar(64),
    principal_phone      varchar(32),
    safety_officer_name  varchar(64),
    safety_officer_phone varchar(32),
    cadre_id             bigint,
    qr_code              varchar(36)  not null,
    status               varchar(16)  not null,
    created_at           ${timestamp} not null,
    version              bigint       not null,
    constraint uk_institution_code unique (code),
    constraint uk_institution_qr unique (qr_code),
    foreign key (region_id) references region (id),
    foreign key (cadre_id) references person (id)
)${table_options};
create index ix_institution_region on institution (region_id);
alter table person add constraint fk_person_institution foreign key (institution_id) references institution (id);

create table hazard (
    id                     ${id},
    code                   varchar(32),
    institution_id         bigint        not null,
    region_id              bigint        not null,
    description            varchar(2000) not null,
    location               varchar(255),
    category               varchar(32)   not null,
    source                 varchar(32)   not null,
    grade                  varchar(16),
    found_on               date          not null,
    status                 varchar(32)   not null,
    rectification_deadline date,
    reported_by            bigint,
    process_instance_key   bigint,
    closed_at              ${timestamp},
    created_at             ${timestamp}  not null,
    updated_at             ${timestamp}  not null,
    version                bigint        not null,
    constraint uk_hazard_code unique (code),
    foreign key (institution_id) references institution (id),
    foreign key (region_id) references region (id),
    foreign key (reported_by) references person (id)
)${table_options};
create index ix_hazard_region_status on hazard (region_id, status);
create index ix_hazard_institution on hazard (institution_id);

create table hazard_status_change (
    id          ${id},
    hazard_id   bigint        not null,
    from_status varchar(32),
    to_status   varchar(32)   not null,
    changed_at  ${timestamp}  not null,
    actor_id    bigint,
    actor_name  varchar(64)   not null,
    note        varchar(2000),
    job_key     bigint,
    foreign key (hazard_id) references hazard (id),
    foreign key (actor_id) references person (id)
)${table_options};
create index ix_hazard_status_change_hazard on hazard_status_change (hazard_id);

create table inbox_task (
    id                   ${id},
    kind                 varchar(32)  not null,
    subject_type         varchar(32)  not null,
    subject_id           bigint       not null,
    title                varchar(255) not null,
    candidate_role       varchar(32)  not null,
    region_id            bigint       not null,
    institution_id       bigint,
    due_at               ${timestamp},
    status               varchar(16)  not null,
    process_instance_key bigint,
    element_id           varchar(64),
    job_key              bigint,
    created_at           ${timestamp} not null,
    completed_at         ${timestamp},
    completed_by         bigint,
    result               ${json},
    version              bigint       not null,
    constraint uk_inbox_task_job unique (job_key),
    foreign key (region_id) references region (id),
    foreign key (institution_id) references institution (id),
    foreign key (completed_by) references person (id)
)${table_options};
create index ix_inbox_task_region_status on inbox_task (region_id, status);
create index ix_inbox_task_subject on inbox_task (subject_type, subject_id);

create table hazard_rectification (
    id                 ${id},
    hazard_id          bigint        not null,
    task_id            bigint        not null,
    measures           varchar(2000) not null,
    responsible_person varchar(64)   not null,
    funds              decimal(14, 2),
    completed_on       date          not null,
    evidence           varchar(2000),
    submitted_by       bigint        not null,
    submitted_at       ${timestamp}  not null,
    constraint uk_hazard_rectification_task unique (task_id),
    foreign key (hazard_id) references hazard (id),
    foreign key (task_id) references inbox_task (id),
    foreign key (submitted_by) references person (id)
)${table_options};

create table hazard_verification (
    id           ${id},
    hazard_id    bigint        not null,
    task_id      bigint        not null,
    passed       boolean       not null,
    opinion      varchar(2000),
    new_deadline date,
    verified_by  bigint        not null,
    verified_at  ${timestamp}  not null,
    constraint uk_hazard_verification_task unique (task_id),
    foreign key (hazard_id) references hazard (id),
    foreign key (task_id) references inbox_task (id),
    foreign key (verified_by) references person (id)
)${table_options};

-- Append-only: rows are inserted, never updated or deleted by the application.
create table ledger_event (
    id                   ${id},
    occurred_at          ${timestamp} not null,
    type                 varchar(48)  not null,
    subject_type         varchar(32)  not null,
    subject_id           bigint       not null,
    actor_id             bigint,
    actor_name           varchar(64)  not null,
    process_instance_key bigint,
    element_id           varchar(64),
    job_key              bigint,
    payload              ${json},
    foreign key (actor_id) references person (id)
)${table_options};
create index ix_ledger_event_subject on ledger_event (subject_type, subject_id);

-- One row per job a worker has carried out: the job key is the idempotency key.
create table processed_job (
    job_key      bigint       not null primary key,
    job_type     varchar(64)  not null,
    processed_at ${timestamp} not null,
    result       ${json}
)${table_options};
