-- The newest ticket change, read by the ingestion-lag metric on every scrape, from the index.
create index tickets_by_updated on tickets (updated_at);
