-- A CSM's customer search reads their book's compact names from this index alone (an index-only
-- scan: the owner's few hundred entries, a handful of pages) and fetches only the matches. Through
-- the owner's index it visited every customer of the book in the table, one heap page each for a
-- book assigned over time: 1.5 ms for 333 customers, against 0.2 ms this way (100,000 customers).
create index customers_book_search on customers (owner_username, search_name) include (id);
