-- Tickets that call for an unasked follow-up, waiting out the delay: one draft per customer covers
-- all of them when the delay is over.
create table trigger_candidates (
    customer_id bigint       not null references customers (id),
    ticket_id   bigint       not null references tickets (id),
    reason      varchar(500) not null,
    survey_applies boolean   not null,
    noticed_at  timestamp with time zone not null,
    primary key (customer_id, ticket_id)
);
create index trigger_candidates_by_ticket on trigger_candidates (ticket_id);
