-- The customer search's compact name as a column of its own (PostgreSQL's V77 says why). H2
-- compares strings by their characters, the order PostgreSQL gets from the C collation.
alter table customers add column search_name varchar(200) generated always as (replace(lower(name), ' ', ''));
create index customers_search_name on customers (search_name, id);
