-- PostgreSQL only (H2 keeps scanning, which is fine at its size): the customer search matches
-- '%query%' anywhere in the name, with and without spaces. Trigram indexes answer both from the
-- index (a bitmap OR of the two), in milliseconds at 100,000 customers, where a B-tree cannot help.
-- pg_trgm ships with PostgreSQL and is a trusted extension (13+): the database owner may create it.
create extension if not exists pg_trgm;
create index customers_name_trigrams on customers using gin (lower(name) gin_trgm_ops);
create index customers_compact_name_trigrams on customers using gin (replace(lower(name), ' ', '') gin_trgm_ops);
