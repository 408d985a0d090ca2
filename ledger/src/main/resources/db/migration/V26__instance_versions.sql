-- The engine's version of the process each step's instance ran (issue 21, D8): a migration moves each running instance
-- from the revision it is on, whichever that is, not only from the one before the current. A migrated instance's rows
-- are raised to the version it was moved to. Null for steps recorded before this column: taken as the previous revision.
alter table processed_job add column process_version int null;
