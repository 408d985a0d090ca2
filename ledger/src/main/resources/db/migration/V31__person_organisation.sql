-- the body an expert or a third-party assessor acts for: signed with what they find and what they accept
alter table person add column organisation varchar(128);
