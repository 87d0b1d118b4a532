package io.aftercare.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.aftercare.shared.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who changed what. Joins the caller's transaction, so an entry exists exactly
 * when the change it describes was committed.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, String subjectType, Object subjectId, String action, String detail) {
		this.jdbc.sql("""
				insert into audit_log (occurred_at, actor, subject_type, subject_id, action, detail)
				values (:at, :actor, :type, :id, :action, :detail)
				""")
			.param("at", SqlTime.utc(this.clock.instant()))
			.param("actor", actor)
			.param("type", subjectType)
			.param("id", String.valueOf(subjectId))
			.param("action", action)
			.param("detail", (detail != null && detail.length() > 2000) ? detail.substring(0, 2000) : detail)
			.update();
	}

	@Transactional(readOnly = true)
	public List<Entry> history(String subjectType, Object subjectId) {
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
