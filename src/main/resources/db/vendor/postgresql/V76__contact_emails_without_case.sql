-- A hard bounce marks every contact with the address, compared without regard to case: this
-- index serves it, where the plain index on email cannot. H2 (the embedded default, a small
-- book) reads its contacts.
create index contacts_by_lower_email on contacts (lower(email));
