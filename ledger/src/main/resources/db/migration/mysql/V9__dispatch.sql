-- The official forms (MySQL 8 / MariaDB 10.11+; keep in step with ../h2/V9__dispatch.sql): what the 清单 shows of
-- each hazard, and the monthly dispatch reports (《清单》 and 《调度表》) frozen as they were submitted.

-- 五落实 as assigned and who accepted the rectification, kept on the hazard so that the 清单 reads one row per hazard
alter table hazard add column rectification_measures varchar(2000),
    add column rectification_funds decimal(14, 2),
    add column temporary_controls varchar(2000),
    add column accepted_by_name varchar(200),
    add column accepted_on date;
-- the statistics and the 清单 select by found date within a region
create index ix_hazard_region_found on hazard (region_id, found_on);

-- a submitted report, as sent: the ledger figures at the moment of submission, the corrections with their reasons,
-- the notes and the 清单 rows; never updated afterwards
create table dispatch_report (
    id           bigint auto_increment primary key,
    campaign_id  bigint        not null,
    work_id      bigint        not null,
    report_month varchar(7)    not null,
    level        varchar(16)   not null,
    region_id    bigint        not null,
    period_from  date          not null,
    period_to    date          not null,
    content      longtext      not null,
    late         boolean       not null,
    submitted_by bigint        not null,
    submitted_at datetime(6)   not null,
    constraint uk_dispatch_report_work unique (work_id),
    foreign key (campaign_id) references campaign (id),
    foreign key (work_id) references campaign_work (id),
    foreign key (region_id) references region (id),
    foreign key (submitted_by) references person (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_dispatch_report_campaign on dispatch_report (campaign_id, report_month);
