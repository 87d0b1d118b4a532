-- The send queue (issue 9): a follow-up is sent by a db-scheduler task of its own (scheduled_tasks,
-- V7), created in the same transaction that queues it.
-- send_at: when it is due (now, a time the CSM chose, or its next try after a deferral);
-- send_task: the queue's entry that owns the send, so that an entry left over from an earlier
--   queueing does nothing;
-- send_attempts: attempts to hand it over (or to look for it after an interrupted one);
-- send_requested_by: the CSM who asked for it to be sent;
-- provider_message_id, provider_thread_id: the provider's ids of the sent message (Gmail's), by
--   which the reading side can find it and its answers.
alter table support_followups add column send_at timestamp with time zone;
alter table support_followups add column send_task varchar(100);
alter table support_followups add column send_attempts integer not null default 0;
alter table support_followups add column send_requested_by varchar(64);
alter table support_followups add column provider_message_id varchar(200);
alter table support_followups add column provider_thread_id varchar(200);

-- The desk's email thread of a ticket, where a connector knows it: the Message-IDs of the desk's
-- emails to the customer, oldest first, separated by spaces. A follow-up answers the last one
-- (In-Reply-To) and carries them all (References), so it joins the customer's thread.
alter table tickets add column mail_thread varchar(4000);
