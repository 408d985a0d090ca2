-- 举报奖励 as a figure of the statistics: when the leader decided it. Rewards decided before this column existed are
-- dated by the report's last change, the nearest record there is.
alter table whistleblower_report add column reward_decided_at ${timestamp};
update whistleblower_report set reward_decided_at = updated_at where reward_amount is not null;
