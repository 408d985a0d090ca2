-- Every wait for a person has its deadline, a reminder before it and an escalation when it passes (issue 21, D3):
-- each is done once per task, whatever the process replays (a rebuilt instance's passed timers fire again).
alter table inbox_task add column due_reminded_at ${timestamp} null;
alter table inbox_task add column overdue_escalated_at ${timestamp} null;
-- Tasks already past their deadline when this version arrives have been shown as overdue all along: the first start
-- must not escalate every one of them at once (a rebuilt or migrated instance's passed timers fire straight away).
update inbox_task set due_reminded_at = ${utc_now}, overdue_escalated_at = ${utc_now}
where status = 'OPEN' and due_at < ${utc_now};
