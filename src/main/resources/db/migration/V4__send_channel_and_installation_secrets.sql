-- Where a send was claimed for delivery (the mail transport's channel, such as one outbox folder):
-- an instance settling an interrupted send may only trust its own transport's answer about a
-- channel it can see.
alter table support_followups add column send_channel varchar(200);

-- Secrets this installation makes for itself on first use and shares between its instances
-- through the database, such as the key that makes Message-IDs unguessable.
create table installation_secrets (
    name       varchar(64)  not null primary key,
    secret     varchar(200) not null,
    created_at timestamp with time zone not null
);
