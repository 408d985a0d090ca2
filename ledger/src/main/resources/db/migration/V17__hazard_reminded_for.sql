-- The deadline a hazard's 整改期限将至 reminder was sent for: a rebuilt instance whose reminder date has passed
-- finds it sent and does not remind twice.
alter table hazard add column reminded_for date null;
