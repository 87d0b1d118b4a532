-- Each instance remembers the API tokens it has checked and forgets them when it hears that a
-- token or a user changed (CredentialNotices). The notice is sent by the database itself, at commit,
-- so that every change is heard: a token revoked on another instance, a user disabled by hand in
-- SQL, a row deleted. Inserts need none: a new token or user was never remembered. A user's row
-- notifies only when what a token's check reads changed (not, say, the time zone the chat keeps),
-- and a transaction's notices on the channel arrive as one.
create function aftercare_credentials_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('aftercare_credentials', tg_table_name);
  return null;
end
$$;

create trigger api_tokens_changed after update or delete on api_tokens
  for each row execute function aftercare_credentials_changed();

create trigger api_tokens_emptied after truncate on api_tokens
  for each statement execute function aftercare_credentials_changed();

create trigger csm_users_changed after update on csm_users
  for each row
  when ((old.username, old.display_name, old.email, old.phone, old.role, old.enabled)
        is distinct from (new.username, new.display_name, new.email, new.phone, new.role, new.enabled))
  execute function aftercare_credentials_changed();

create trigger csm_users_removed after delete on csm_users
  for each row execute function aftercare_credentials_changed();

create trigger csm_users_emptied after truncate on csm_users
  for each statement execute function aftercare_credentials_changed();
