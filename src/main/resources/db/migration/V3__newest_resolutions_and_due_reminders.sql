-- Found by the load run (docs/performance.md): the admin's "waiting for a follow-up" list wants
-- resolved tickets newest first across statuses, and the admin's reminder list all open reminders
-- by due time. Both read the whole table without these. The status-and-time index of V2 served
-- only the first of these queries, and worse.
create index tickets_by_resolved on tickets (resolved_at);
create index reminders_by_status_due on reminders (status, due_at);
drop index tickets_by_status_resolved;
