-- Failed password sign-ins per account since the last success, shared by every instance: the
-- sign-in throttle slows an account down after a few failures and stops password sign-in after
-- many (NIST SP 800-63B), except from the address the account last signed in from.
create table sign_in_failures (
    username              varchar(64) primary key references csm_users (username),
    failures              integer     not null,
    last_failure_at       timestamp with time zone,
    last_success_address  varchar(64)
);
