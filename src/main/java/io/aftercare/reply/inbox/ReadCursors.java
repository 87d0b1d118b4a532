package io.aftercare.reply.inbox;

import java.time.Clock;
import java.util.Optional;

import io.aftercare.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where reading stopped in each mailbox ({@code mail_read_cursors}): an IMAP folder's
 * UIDVALIDITY and last UID, or a Gmail mailbox's history id. A cursor moves only after
 * what it passes was recorded, so a crash reads some messages again, which their
 * Message-IDs make harmless.
 */
@Repository
class ReadCursors {

	private final JdbcClient jdbc;

	private final Clock clock;

	ReadCursors(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Cursor> find(String mailbox) {
		return this.jdbc
			.sql("select uid_validity, last_uid, history_id from mail_read_cursors where mailbox = :mailbox")
			.param("mailbox", mailbox)
			.query((rs, row) -> new Cursor(rs.getLong("uid_validity"), rs.getLong("last_uid"),
					rs.getString("history_id")))
			.optional();
	}

	void save(String mailbox, Cursor cursor) {
		int updated = this.jdbc.sql("""
				update mail_read_cursors set uid_validity = :validity, last_uid = :uid, history_id = :history,
				    updated_at = :now where mailbox = :mailbox
				""").params(params(mailbox, cursor)).update();
		if (updated == 0) {
			this.jdbc.sql("""
					insert into mail_read_cursors (mailbox, uid_validity, last_uid, history_id, updated_at)
					values (:mailbox, :validity, :uid, :history, :now)
					on conflict do nothing
					""").params(params(mailbox, cursor)).update();
		}
	}

	private java.util.Map<String, Object> params(String mailbox, Cursor cursor) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("mailbox", mailbox);
		params.put("validity", cursor.uidValidity());
		params.put("uid", cursor.lastUid());
		params.put("history", cursor.historyId());
		params.put("now", SqlTime.utc(this.clock.instant()));
		return params;
	}

	record Cursor(long uidValidity, long lastUid, String historyId) {
	}

}
