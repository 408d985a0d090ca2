-- Who accepted a rectification: major hazards need an expert or a third party.
alter table hazard_verification add column accepted_by varchar(16);
alter table hazard_verification add column acceptance_organisation varchar(128);
