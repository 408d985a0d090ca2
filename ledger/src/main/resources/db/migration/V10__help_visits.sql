-- 帮扶指导: a visit to help an institution put its safety in order.
create table help_visit (
    id             ${id},
    institution_id bigint        not null,
    region_id      bigint        not null,
    visited_on     date          not null,
    visitors       varchar(255)  not null,
    content        varchar(2000) not null,
    recorded_by    bigint        not null,
    recorded_at    ${timestamp}   not null,
    foreign key (institution_id) references institution (id),
    foreign key (region_id) references region (id),
    foreign key (recorded_by) references person (id)
)${table_options};
create index ix_help_visit_region on help_visit (region_id, visited_on);
create index ix_help_visit_institution on help_visit (institution_id);
