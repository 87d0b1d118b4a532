-- Each instance remembers the API tokens it has checked and forgets them when it hears that a
-- token or a user changed (CredentialNotices). The notice is sent by the database itself, at commit,
-- so that every change is heard: a token revoked on another instance, a user disabled by hand in
-- SQL, a row deleted. Inserts need none: a new token or user was never remembered.
create function aftercare_credentials_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('aftercare_credentials', tg_table_name);
  return null;
end
$$;

create trigger api_tokens_changed after update or delete or truncate on api_tokens
  for each statement execute function aftercare_credentials_changed();

create trigger csm_users_changed after update or delete or truncate on csm_users
  for each statement execute function aftercare_credentials_changed();
