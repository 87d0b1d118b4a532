-- Requests for one ticket's follow-up made at the same moment could each store a draft: each
-- looked for an open one in its own transaction, and none saw the others'. V82 lets a ticket have
-- one open follow-up of its own. Where one has several, the one furthest along is kept (queued,
-- approved, failed, a draft, on hold; the newest among equals) and the others are discarded, each
-- with an entry in the audit trail that says why.
insert into audit_log (occurred_at, actor, subject_type, subject_id, action, detail)
select current_timestamp, 'aftercare', 'followup', cast(id as varchar(64)), 'discarded',
       'a second open follow-up of the same ticket, stored by a request made at the same moment'
from (select id, row_number() over (partition by ticket_id order by
          case status when 'QUEUED' then 0 when 'APPROVED' then 1 when 'FAILED' then 2 when 'DRAFT' then 3 else 4 end,
          created_at desc, id desc) as position
      from support_followups where status in ('DRAFT', 'APPROVED', 'QUEUED', 'FAILED', 'ON_HOLD')) ranked
where position > 1;

update support_followups set status = 'DISCARDED', updated_at = current_timestamp, version = version + 1
where id in (
    select id from (select id, row_number() over (partition by ticket_id order by
               case status when 'QUEUED' then 0 when 'APPROVED' then 1 when 'FAILED' then 2 when 'DRAFT' then 3 else 4 end,
               created_at desc, id desc) as position
           from support_followups where status in ('DRAFT', 'APPROVED', 'QUEUED', 'FAILED', 'ON_HOLD')) ranked
    where position > 1);
