-- 操作日志: what an operation did, in words (a variable corrected and why, instances cancelled and why).
alter table operation_log add column detail varchar(1000);
