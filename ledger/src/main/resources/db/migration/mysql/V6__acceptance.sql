-- Who accepted a rectification: major hazards need an expert or a third party (MySQL 8 / MariaDB 10.11+; keep in step with ../h2/V6__acceptance.sql).
alter table hazard_verification add column accepted_by varchar(16);
alter table hazard_verification add column acceptance_organisation varchar(128);
