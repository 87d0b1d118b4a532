-- A follow-up waits while its ticket is reopened, and says why.
alter table support_followups add column hold_reason varchar(500);

-- The other tickets a follow-up speaks of, beside its own: tickets of one customer resolved
-- together get one email that names them all.
create table followup_tickets (
    followup_id bigint not null references support_followups (id) on delete cascade,
    ticket_id   bigint not null references tickets (id),
    primary key (followup_id, ticket_id)
);
create index followup_tickets_by_ticket on followup_tickets (ticket_id);
create index support_followups_by_status on support_followups (status, customer_id);
