-- The IANA zone a CSM's browser last reported to the chat: texts written for them in the background
-- (a reminder's notice, a bounce's warning) name days in it. Null until they open the chat.
alter table csm_users add column time_zone varchar(64);
