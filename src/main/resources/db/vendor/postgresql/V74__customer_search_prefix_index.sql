-- The customer search lists names that start with the query first: a range of this index
-- (text_pattern_ops, so LIKE 'tech%' is a range whatever the database's collation), where the
-- trigram index would read every name containing the query only to keep those that start with it.
create index customers_compact_name_prefix on customers ((replace(lower(name), ' ', '')) text_pattern_ops);
