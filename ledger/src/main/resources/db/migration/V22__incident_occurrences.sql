-- A step retried by an administrator that fails again is the same job's incident again (issue 21, D4): the row is
-- reopened and counts how often the job ran out of retries.
alter table job_incident add column occurrences int not null default 1;
