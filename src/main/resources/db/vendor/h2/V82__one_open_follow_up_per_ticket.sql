-- A ticket has at most one open follow-up of its own (V81 says why). H2 has no partial index: a
-- computed column holds the ticket while the follow-up is open, and null (which a unique index
-- lets repeat) once it is sent or discarded. A simple "case status when", not "status in (...)":
-- H2 2.4 keeps a computed column's set of constants bound to the session that created it, and
-- fails ("the database has been closed") once that session, the migration's, is gone.
alter table support_followups add column open_ticket_id bigint generated always as
    (case status when 'DRAFT' then ticket_id when 'APPROVED' then ticket_id when 'QUEUED' then ticket_id
                 when 'FAILED' then ticket_id when 'ON_HOLD' then ticket_id end);
create unique index support_followups_one_open_per_ticket on support_followups (open_ticket_id);
