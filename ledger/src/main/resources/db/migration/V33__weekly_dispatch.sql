-- 周调度: a campaign may report weekly as well as monthly, from its first week on; a week's key is 2027-W23
alter table campaign add column dispatch_weeks_from varchar(8);
alter table dispatch_report ${modify_column} report_month varchar(8) not null;
