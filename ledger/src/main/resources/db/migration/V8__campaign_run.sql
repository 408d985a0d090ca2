-- Running a campaign: how its inspections are assigned, where each phase and deliverable stands, and the work it
-- fans out to townships and institutions.
alter table campaign add column inspection_mode varchar(16) default 'FULL' not null;
alter table campaign add column inspection_share integer default 100 not null;
alter table campaign add column inspectors_per_institution integer default 2 not null;
alter table campaign add column unannounced boolean default false not null;
alter table campaign add column process_instance_key bigint;

alter table campaign_phase add column status varchar(16) default 'PLANNED' not null;
alter table campaign_phase add column draw_seed bigint;
alter table campaign_deliverable add column status varchar(16) default 'PLANNED' not null;
alter table campaign_deliverable add column opens_on date;

-- one row per piece of work someone owes a campaign: a self-check, an inspection, a township plan, a drill record
create table campaign_work (
    id               ${id},
    campaign_id      bigint        not null,
    phase_id         bigint,
    deliverable_id   bigint,
    slot             varchar(32)   not null,
    kind             varchar(32)   not null,
    owner_key        varchar(32)   not null,
    region_id        bigint        not null,
    institution_id   bigint,
    hazard_id        bigint,
    task_id          bigint,
    inspector_ids    varchar(255),
    due_on           date          not null,
    status           varchar(16)   not null,
    late             boolean       not null,
    reminders        integer       not null,
    hazards_found    integer,
    draft            ${text},
    submitted_at     ${timestamp},
    submitted_by     bigint,
    constraint uk_campaign_work unique (campaign_id, slot, owner_key),
    foreign key (campaign_id) references campaign (id),
    foreign key (phase_id) references campaign_phase (id),
    foreign key (deliverable_id) references campaign_deliverable (id),
    foreign key (region_id) references region (id),
    foreign key (institution_id) references institution (id),
    foreign key (hazard_id) references hazard (id),
    foreign key (task_id) references inbox_task (id),
    foreign key (submitted_by) references person (id)
)${table_options};
create index ix_campaign_work_slot on campaign_work (campaign_id, slot, status);
create index ix_campaign_work_institution on campaign_work (institution_id);
create index ix_campaign_work_task on campaign_work (task_id);

-- inspections are assigned to one named inspector (双随机), not to everyone with the role
alter table inbox_task add column assignee_id bigint;
alter table inbox_task add foreign key (assignee_id) references person (id);

alter table hazard add column campaign_id bigint;
alter table hazard add foreign key (campaign_id) references campaign (id);
-- a hazard found in a self-check is on the books before its loop starts; this marks it until the engine took it
alter table hazard add column process_start_pending boolean default false not null;
create index ix_hazard_process_start_pending on hazard (process_start_pending);

alter table institution add column zero_report_streak integer default 0 not null;
