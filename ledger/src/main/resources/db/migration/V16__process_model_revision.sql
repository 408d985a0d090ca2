-- Revised process models deployed from the modeler: the current revision of each model is what the platform
-- deploys at start (an embedded engine forgets its deployments when it stops), the history is the audit trail.
create table process_model_revision (
    id                     ${id},
    model_name             varchar(64)   not null,
    bpmn_process_id        varchar(64)   not null,
    revision               int           not null,
    bpmn_xml               ${text}      not null,
    comment_text           varchar(500)  not null,
    engine_version         int           not null,
    deployed_by            bigint        not null,
    deployed_at            ${timestamp}   not null,
    constraint uk_process_model_revision unique (model_name, revision)
);
