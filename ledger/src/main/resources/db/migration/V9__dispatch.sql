-- The official forms: what the 清单 shows of
-- each hazard, and the monthly dispatch reports (《清单》 and 《调度表》) frozen as they were submitted.

-- 五落实 as assigned and who accepted the rectification, kept on the hazard so that the 清单 reads one row per hazard
alter table hazard add column rectification_measures varchar(2000);
alter table hazard add column rectification_funds decimal(14, 2);
alter table hazard add column temporary_controls varchar(2000);
alter table hazard add column accepted_by_name varchar(200);
alter table hazard add column accepted_on date;
-- the institution's type when the hazard was found, copied like its region: the figures group by it without a join
alter table hazard add column institution_type varchar(32);
update hazard set institution_type = (select i.type from institution i where i.id = hazard.institution_id);
alter table hazard ${modify_column} institution_type varchar(32) not null;
-- the statistics select by region and found date and read only these columns: a covering index spares them the rows
-- (a county's figures over 20,000 hazards on MariaDB, p95 in-process: 196 ms with an index on (region_id, found_on)
-- and the type joined from institution, 67 ms with this index and the copied type; docs/benchmarks.md)
create index ix_hazard_figures on hazard (region_id, found_on, institution_type, source, grade, closed_at,
                                          listed_supervision, rectification_deadline);

-- a submitted report, as sent: the ledger figures at the moment of submission, the corrections with their reasons,
-- the notes and the 清单 rows; never updated afterwards
create table dispatch_report (
    id           ${id},
    campaign_id  bigint        not null,
    work_id      bigint        not null,
    report_month varchar(7)    not null,
    level        varchar(16)   not null,
    region_id    bigint        not null,
    period_from  date          not null,
    period_to    date          not null,
    content      ${text}      not null,
    late         boolean       not null,
    submitted_by bigint        not null,
    submitted_at ${timestamp}   not null,
    constraint uk_dispatch_report_work unique (work_id),
    foreign key (campaign_id) references campaign (id),
    foreign key (work_id) references campaign_work (id),
    foreign key (region_id) references region (id),
    foreign key (submitted_by) references person (id)
)${table_options};
create index ix_dispatch_report_campaign on dispatch_report (campaign_id, report_month);
