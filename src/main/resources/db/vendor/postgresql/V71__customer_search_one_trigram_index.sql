-- The customer search now matches the name without spaces only (a name that contains the
-- query contains it without spaces too), so the trigram index of the spaced name is unused.
drop index if exists customers_name_trigrams;
