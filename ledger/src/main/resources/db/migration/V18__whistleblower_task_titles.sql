-- Staff refer to a whistleblower report by its reference (JB000012), never by the reporter's tracking code: the
-- titles of triage tasks opened before this release carried the code (docs/security.md).
update inbox_task
set title = replace(title,
                    (select r.tracking_code from whistleblower_report r where r.id = inbox_task.subject_id),
                    concat('JB', lpad(concat('', subject_id), 6, '0')))
where subject_type = 'WHISTLEBLOWER'
  and exists (select 1 from whistleblower_report r where r.id = inbox_task.subject_id);
