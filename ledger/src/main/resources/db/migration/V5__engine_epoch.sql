-- Job keys are unique only within one engine's lifetime: the embedded engine starts its key sequence afresh on every
-- start (its state is in memory), and a wiped cluster does too. The idempotency key is the engine epoch plus the job
-- key.
alter table processed_job add column engine_epoch varchar(36) default 'legacy' not null;
alter table processed_job drop primary key;
alter table processed_job add primary key (engine_epoch, job_key);
-- inbox_task.job_key is a trace, no longer a key: processed_job guarantees a task is opened once per job
alter table inbox_task ${drop_unique} uk_inbox_task_job;
create index ix_inbox_task_job on inbox_task (job_key);
