-- What each answer of the chat was about, so a follow-on turn ("and for Acme?") knows what to
-- do again, and the time a list of tickets covers ("from last month"), so it is drawn again the
-- same way on every view.
alter table chat_messages add column topic varchar(32);
alter table chat_messages add column window_from timestamp with time zone;
alter table chat_messages add column window_to timestamp with time zone;
