package io.aftercare.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aftercare.shared.SqlTime;
import io.aftercare.shared.jdbc.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Service;

/**
 * The module events whose listeners have not completed, as Spring Modulith's event
 * publication registry keeps them: listed for an operator, resubmitted, and the completed
 * ones cleaned up.
 */
@Service
public class EventPublications {

	private final JdbcClient jdbc;

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	EventPublications(JdbcClient jdbc, IncompleteEventPublications incomplete, CompletedEventPublications completed) {
		this.jdbc = jdbc;
		this.incomplete = incomplete;
		this.completed = completed;
	}

	/** Publications whose listener has not completed, oldest first. */
	@ReadOnly
	public List<Pending> pending(int limit) {
		return this.jdbc.sql("""
				select id, listener_id, event_type, publication_date, status, completion_attempts,
				    last_resubmission_date
				from event_publication where completion_date is null
				order by publication_date, id limit :limit
				""")
			.param("limit", limit)
			.query((rs, i) -> new Pending(rs.getObject("id", UUID.class), rs.getString("listener_id"),
					rs.getString("event_type"), SqlTime.instant(rs, "publication_date"), rs.getString("status"),
					rs.getInt("completion_attempts"), SqlTime.instant(rs, "last_resubmission_date")))
			.list();
	}

	/**
	 * Hands publications incomplete for longer than {@code age} to their listeners again.
	 */
	public void resubmitOlderThan(Duration age) {
		this.incomplete.resubmitIncompletePublicationsOlderThan(age);
	}

	public void deleteCompletedOlderThan(Duration age) {
		this.completed.deletePublicationsOlderThan(age);
	}

	/**
	 * A publication waiting for its listener.
	 *
	 * @param listener the listening method, as the registry names it
	 * @param eventType the event's class
	 * @param status {@code PUBLISHED}, {@code PROCESSING}, {@code FAILED} or
	 * {@code RESUBMITTED}
	 * @param attempts how often the listener was tried
	 */
	public record Pending(UUID id, String listener, String eventType, Instant publishedAt, String status, int attempts,
			Instant lastResubmittedAt) {
	}

}
