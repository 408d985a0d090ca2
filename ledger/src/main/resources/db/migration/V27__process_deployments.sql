-- Which revision each engine version of a process was deployed from, per engine lifetime (an embedded engine numbers
-- its versions afresh at every start, a cluster keeps them): what a migration needs to know which model an instance
-- runs (issue 21, D8). Written at start-up (the current revision) and at every deployment of a revision.
create table process_deployment (
    engine_epoch    varchar(36)  not null,
    bpmn_process_id varchar(64)  not null,
    engine_version  int          not null,
    revision        int          not null,
    deployed_at     ${timestamp} not null,
    primary key (engine_epoch, bpmn_process_id, engine_version)
)${table_options};
