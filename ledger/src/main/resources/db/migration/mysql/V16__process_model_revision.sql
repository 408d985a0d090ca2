-- Revised process models deployed from the modeler: the current revision of each model is what the platform
-- deploys at start (an embedded engine forgets its deployments when it stops), the history is the audit trail.
create table process_model_revision (
    id                     bigint        not null auto_increment primary key,
    model_name             varchar(64)   not null,
    bpmn_process_id        varchar(64)   not null,
    revision               int           not null,
    bpmn_xml               longtext      not null,
    comment_text           varchar(500)  not null,
    engine_version         int           not null,
    deployed_by            bigint        not null,
    deployed_at            datetime(6)   not null,
    constraint uk_process_model_revision unique (model_name, revision)
);
