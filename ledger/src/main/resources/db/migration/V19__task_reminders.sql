-- 催办: a task shows how often, when and with what words its owner was reminded (by the process's reminder dates
-- or by a person from the campaign's progress), so the inbox can say so.
alter table inbox_task add column reminded_count int default 0 not null;
alter table inbox_task add column last_reminded_at ${timestamp} null;
alter table inbox_task add column reminder_note varchar(255) null;
