-- Who accepted a rectification: major hazards need an expert or a third party (H2; keep in step with ../mysql/V6__acceptance.sql).
alter table hazard_verification add column accepted_by varchar(16);
alter table hazard_verification add column acceptance_organisation varchar(128);
