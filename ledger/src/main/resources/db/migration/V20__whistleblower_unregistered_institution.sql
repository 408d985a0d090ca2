-- A report may be about an institution that is not in the register (an unlicensed care home, say): it names the
-- institution, its township and its address as the reporter wrote them; the township is the report's region, so the
-- county section triages it like any other.
alter table whistleblower_report ${modify_column} institution_id bigint null;
alter table whistleblower_report add column reported_institution varchar(128);
alter table whistleblower_report add column reported_address varchar(255);
