-- The audit trail is written by listeners of module events, which may hear an event twice (it is
-- redelivered after a crash): the same action on the same subject at the same moment is one entry.
create unique index audit_log_once on audit_log (subject_type, subject_id, action, occurred_at);
