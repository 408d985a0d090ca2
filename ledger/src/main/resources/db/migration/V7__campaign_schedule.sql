-- Campaigns (专项排查整治行动) and their schedules: phases and deliverables are data.
create table campaign (
    id                   ${id},
    name                 varchar(128)  not null,
    template_code        varchar(32),
    lead_organisation    varchar(128)  not null,
    responsible_sections varchar(255),
    status               varchar(16)   not null,
    status_reason        varchar(1000),
    created_by           bigint        not null,
    created_at           ${timestamp}  not null,
    version              bigint        not null,
    foreign key (created_by) references person (id)
)${table_options};

create table campaign_region (
    campaign_id bigint not null,
    region_id   bigint not null,
    primary key (campaign_id, region_id),
    foreign key (campaign_id) references campaign (id),
    foreign key (region_id) references region (id)
)${table_options};

create table campaign_institution_type (
    campaign_id      bigint      not null,
    institution_type varchar(32) not null,
    primary key (campaign_id, institution_type),
    foreign key (campaign_id) references campaign (id)
)${table_options};

create table campaign_phase (
    id          ${id},
    campaign_id bigint       not null,
    ordinal     integer      not null,
    kind        varchar(32)  not null,
    name        varchar(64)  not null,
    starts_on   date         not null,
    ends_on     date         not null,
    foreign key (campaign_id) references campaign (id)
)${table_options};
create index ix_campaign_phase on campaign_phase (campaign_id, ordinal);

create table campaign_deliverable (
    id          ${id},
    campaign_id bigint       not null,
    kind        varchar(32)  not null,
    name        varchar(128) not null,
    due_on      date         not null,
    foreign key (campaign_id) references campaign (id)
)${table_options};
create index ix_campaign_deliverable on campaign_deliverable (campaign_id);
