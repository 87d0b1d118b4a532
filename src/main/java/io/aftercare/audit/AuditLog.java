package io.aftercare.audit;

import java.time.Instant;
import java.util.List;

import io.aftercare.followup.FollowUpId;
import io.aftercare.shared.SqlTime;
import io.aftercare.shared.Text;
import io.aftercare.shared.jdbc.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changed what, and when: the trail {@link AuditTrail} writes from the events of the
 * other modules.
 */
@Service
public class AuditLog {

	static final String FOLLOW_UP = "followup";

	static final String REMINDER = "reminder";

	static final String TICKET = "ticket";

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an entry once: the same action on the same subject at the same moment,
	 * heard again, is not recorded twice.
	 */
	@Transactional
	void record(Instant at, String actor, String subjectType, Object subjectId, String action, String detail) {
		// Recorded by a redelivery of the same event at the same moment: one entry. Not a
		// caught duplicate key, which on PostgreSQL would abort the listener's
		// transaction.
		this.jdbc.sql("""
				insert into audit_log (occurred_at, actor, subject_type, subject_id, action, detail)
				values (:at, :actor, :type, :id, :action, :detail)
				on conflict do nothing
				""")
			.param("at", SqlTime.utc(at))
			.param("actor", actor)
			.param("type", subjectType)
			.param("id", String.valueOf(subjectId))
			.param("action", action)
			.param("detail", Text.cut(2000, detail))
			.update();
	}

	/** Who did what to the follow-up, oldest first. */
	@ReadOnly
	public List<Entry> ofFollowUp(FollowUpId followUp) {
		return history(FOLLOW_UP, followUp.value());
	}

	@ReadOnly
	List<Entry> history(String subjectType, Object subjectId) {
		return this.jdbc.sql("""
				select occurred_at, actor, action, detail from audit_log
				where subject_type = :type and subject_id = :id order by occurred_at, id
				""")
			.param("type", subjectType)
			.param("id", String.valueOf(subjectId))
			.query((rs, i) -> new Entry(SqlTime.instant(rs, "occurred_at"), rs.getString("actor"),
					rs.getString("action"), rs.getString("detail")))
			.list();
	}

	/** One audit entry. */
	public record Entry(Instant at, String actor, String action, String detail) {
	}

}
