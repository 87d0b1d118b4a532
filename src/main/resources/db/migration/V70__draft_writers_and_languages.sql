-- The language a contact reads (a locale or language tag from their desk or record); null when
-- unknown, and then their own comments tell.
alter table contacts add column language varchar(16);

-- Which writer wrote a follow-up's current draft (TEMPLATE or MODEL), why it fell back to the
-- template if it did, the language it is written in, and the tokens the language model used for it
-- (all its drafts and rewrites together).
alter table support_followups add column written_by varchar(16) default 'TEMPLATE' not null;
alter table support_followups add column writer_note varchar(500);
alter table support_followups add column language varchar(8) default 'en' not null;
alter table support_followups add column model_tokens integer default 0 not null;
