-- Every wait for a person has its deadline, a reminder before it and an escalation when it passes (issue 21, D3):
-- each is done once per task, whatever the process replays (a rebuilt instance's passed timers fire again).
alter table inbox_task add column due_reminded_at ${timestamp} null;
alter table inbox_task add column overdue_escalated_at ${timestamp} null;
