-- 安全吹哨人: reports from staff, residents and the public, without login.
create table whistleblower_report (
    id               ${id},
    tracking_code    varchar(16)   not null,
    institution_id   bigint        not null,
    region_id        bigint        not null,
    description      varchar(2000) not null,
    location         varchar(255),
    reporter_kind    varchar(16)   not null,
    reporter_name    varchar(64),
    reporter_contact varchar(64),
    status           varchar(16)   not null,
    feedback         varchar(1000),
    reward_amount    decimal(12, 2),
    process_instance_key bigint,
    hazard_id        bigint,
    submitted_at     ${timestamp}   not null,
    updated_at       ${timestamp}   not null,
    constraint uk_whistleblower_tracking unique (tracking_code),
    foreign key (institution_id) references institution (id),
    foreign key (region_id) references region (id),
    foreign key (hazard_id) references hazard (id)
)${table_options};
create index ix_whistleblower_region on whistleblower_report (region_id, submitted_at);

-- photos sent with an anonymous report have no uploader
alter table attachment ${modify_column} uploaded_by bigint null;
