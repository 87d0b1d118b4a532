package io.aftercare;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the event publication registry says of the module listeners, for tests that wait
 * until every listener has had its turn before asserting that one did nothing.
 */
public final class EventListeners {

	private EventListeners() {
	}

	/** Publications whose listener has not completed yet. */
	public static long stillRunning(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
	}

}
