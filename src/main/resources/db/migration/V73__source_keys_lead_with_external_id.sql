-- A batch is looked up by its keys: source_system = :system and external_id in (...500 ids...).
-- With the source system first in the unique index, PostgreSQL, when its statistics do not know
-- the system yet (a desk's first backfill, before autovacuum's next analyze), reads the index by
-- the system alone and filters the ids: every lookup read every ticket stored so far (98 ms at
-- 350,000 tickets), and a first backfill slowed as it grew. With the external id first, each id
-- is one descent of the index, whatever the statistics say.
alter table tickets drop constraint tickets_source_key;
alter table tickets add constraint tickets_source_key unique (external_id, source_system);
alter table customers drop constraint customers_source_key;
alter table customers add constraint customers_source_key unique (external_id, source_system);
alter table contacts drop constraint contacts_source_key;
alter table contacts add constraint contacts_source_key unique (external_id, source_system);
