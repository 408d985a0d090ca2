-- 帮扶指导: a visit to help an institution put its safety in order (MySQL 8 / MariaDB 10.11+; keep in step with
-- ../h2/V10__help_visits.sql).
create table help_visit (
    id             bigint auto_increment primary key,
    institution_id bigint        not null,
    region_id      bigint        not null,
    visited_on     date          not null,
    visitors       varchar(255)  not null,
    content        varchar(2000) not null,
    recorded_by    bigint        not null,
    recorded_at    datetime(6)   not null,
    foreign key (institution_id) references institution (id),
    foreign key (region_id) references region (id),
    foreign key (recorded_by) references person (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_help_visit_region on help_visit (region_id, visited_on);
create index ix_help_visit_institution on help_visit (institution_id);
