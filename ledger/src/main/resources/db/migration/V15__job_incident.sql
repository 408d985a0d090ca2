-- Jobs that ran out of retries, as the workers report them: the incidents list and its retry action.
create table job_incident (
    id                   ${id},
    engine_epoch         varchar(36)   not null,
    job_key              bigint        not null,
    job_type             varchar(64)   not null,
    bpmn_process_id      varchar(64)   null,
    element_id           varchar(128)  null,
    process_instance_key bigint        not null,
    error                varchar(1000) not null,
    occurred_at          ${timestamp}   not null,
    status               varchar(16)   not null,
    resolved_by          bigint        null,
    resolved_at          ${timestamp}   null,
    constraint uk_job_incident_job unique (engine_epoch, job_key)
);
create index ix_job_incident_status on job_incident (status, occurred_at);
