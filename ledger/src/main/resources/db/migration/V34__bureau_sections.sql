-- 股室: the bureau section a section's person works in (福利股, 社会事务股 …), and the section a task is for (a field's
-- monthly consolidation is its section's to do; null: anyone of the task's role and region)
alter table person add column section varchar(32);
alter table inbox_task add column candidate_section varchar(32);
-- a section's field report (本领域《清单》《调度表》) names its section
alter table dispatch_report add column section varchar(32);
