-- The monitor's projection: which element of which process each recorded step came from (null for older rows).
alter table processed_job add column bpmn_process_id varchar(64) null;
alter table processed_job add column element_id varchar(128) null;
alter table processed_job add column process_instance_key bigint null;
create index ix_processed_job_element on processed_job (bpmn_process_id, element_id);
create index ix_inbox_task_element on inbox_task (status, element_id);
