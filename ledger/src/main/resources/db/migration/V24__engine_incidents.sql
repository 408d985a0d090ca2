-- Incidents the engine raises itself, without a job (a condition no flow matches, a decision it cannot call, a
-- mapping that fails): listed beside the jobs' incidents. Their job_key holds the engine's incident key (unique in
-- an engine's lifetime like a job key); job_type the engine's error type.
alter table job_incident add column engine_raised boolean not null default false;
