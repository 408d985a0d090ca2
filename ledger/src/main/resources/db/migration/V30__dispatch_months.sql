-- the months a campaign's 《清单》《调度表》 are reported in (绩溪: 从6月起), chosen with the schedule; null for a campaign
-- deployed before, which reports in every month of its span as it did
alter table campaign add column dispatch_months varchar(400);
