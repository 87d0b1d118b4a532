-- A suggested reminder is worded twice: the note for the CSM ("Check API metrics") and the promise
-- the email makes to the customer ("check your API metrics"). Rows from before keep a promise that
-- fits any note.
alter table followup_suggested_reminders add column promise varchar(500);
update followup_suggested_reminders set promise = 'check in on how things are going' where promise is null;
