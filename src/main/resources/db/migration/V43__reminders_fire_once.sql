-- A reminder fires once when it falls due: fired_at is set by the one conditional update that wins,
-- on whichever instance runs the check, and only that one announces it (ReminderDue). The chat keeps
-- at most one notice per reminder, however often the announcement is delivered.
alter table reminders add column fired_at timestamp with time zone;
create index reminders_to_fire on reminders (fired_at, due_at);
alter table chat_messages add column reminder_id bigint references reminders (id);
create unique index chat_messages_one_notice_per_reminder on chat_messages (reminder_id);
