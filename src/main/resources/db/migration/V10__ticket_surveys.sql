-- When the desk's satisfaction survey for a ticket first went out, as far as Aftercare heard of it:
-- an automatic follow-up waits when the same person was just surveyed.
alter table tickets add column surveyed_at timestamp with time zone;
create index tickets_by_requester_surveyed on tickets (requester_contact_id, surveyed_at);
