-- A ticket has at most one open follow-up of its own (V81 says why): two requests made at the same
-- moment cannot both store one; the second gets the first's draft (FollowUpManagement.request).
create unique index support_followups_one_open_per_ticket on support_followups (ticket_id)
    where status in ('DRAFT', 'APPROVED', 'QUEUED', 'FAILED', 'ON_HOLD');
