-- a directly-run institution (直属机构) reports its month like a township: its report names the institution
alter table dispatch_report add column institution_id bigint;
alter table dispatch_report add constraint fk_dispatch_report_institution foreign key (institution_id) references institution (id);
