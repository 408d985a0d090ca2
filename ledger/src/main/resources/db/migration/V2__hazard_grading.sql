-- The 判定依据 catalogue and the grading of each hazard.

create table hazard_criterion (
    id               ${id},
    code             varchar(32)   not null,
    standard         varchar(128)  not null,
    article          varchar(64)   not null,
    institution_type varchar(32),
    category         varchar(32)   not null,
    text             varchar(1000) not null,
    major            boolean       not null,
    active           boolean       not null,
    constraint uk_hazard_criterion_code unique (code)
)${table_options};

alter table hazard add column criterion_id bigint;
alter table hazard add constraint fk_hazard_criterion foreign key (criterion_id) references hazard_criterion (id);
alter table hazard add column residents_exposed boolean default false not null;
alter table hazard add column supervision_level varchar(16);
alter table hazard add column listed_supervision boolean default false not null;
alter table hazard add column emergency_measures_required boolean default false not null;
alter table hazard add column reminder_on date;
alter table hazard add column recheck_days integer;

-- The catalogue's first items are vendor-neutral data: V2_1__criterion_catalogue.sql
