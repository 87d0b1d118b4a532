package io.aftercare.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.aftercare.connector.WebhookInbox;
import io.aftercare.followup.FollowUpSendFailed;
import io.aftercare.followup.FollowUpSent;
import io.aftercare.followup.FollowUpStatus;
import io.aftercare.shared.SqlTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Aftercare's own metrics, beside Spring Boot's (HTTP requests, JVM, connection pool), at
 * {@code /actuator/prometheus}: follow-ups by status, sends and failures, the queues
 * (module events not yet handled, background tasks due, reminders due but not fired,
 * webhooks waiting in the inbox or set aside) and the lags (how late the scheduler runs,
 * how long the oldest webhook has waited, how long since a ticket last came in). The
 * database figures are read once per scrape at most every five seconds, each through an
 * index.
 */
@Component
class OperationsMetrics implements MeterBinder {

	private static final Duration FRESH = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WebhookInbox inbox;

	private volatile Snapshot snapshot;

	private Counter sent;

	private Counter failed;

	OperationsMetrics(JdbcClient jdbc, Clock clock, WebhookInbox inbox) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.inbox = inbox;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (FollowUpStatus status : FollowUpStatus.values()) {
			Gauge.builder("aftercare.followups", () -> snapshot().followUps().getOrDefault(status, 0L))
				.description("Follow-ups by status")
				.tag("status", status.name())
				.register(registry);
		}
		Gauge.builder("aftercare.events.incomplete", () -> snapshot().incompleteEvents())
			.description("Module events whose listener has not completed (queue depth)")
			.register(registry);
		Gauge.builder("aftercare.scheduler.due", () -> snapshot().tasksDue())
			.description("Background tasks due and not yet picked (queue depth)")
			.register(registry);
		Gauge.builder("aftercare.scheduler.lag", () -> snapshot().schedulerLagSeconds())
			.description("How long the oldest due background task has waited")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("aftercare.reminders.due.unfired", () -> snapshot().remindersToFire())
			.description("Open reminders past their time that have not fired yet (queue depth)")
			.register(registry);
		Gauge.builder("aftercare.ingestion.lag", () -> snapshot().ingestionLagSeconds())
			.description("How long ago the newest ticket change came in (a stalled connector shows here)")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("aftercare.webhooks.waiting", () -> snapshot().webhooks().waiting())
			.description("Webhooks stored and not processed yet (queue depth of the inbox)")
			.register(registry);
		Gauge.builder("aftercare.webhooks.failed", () -> snapshot().webhooks().failed())
			.description("Webhooks set aside after their last attempt, for an admin to retry")
			.register(registry);
		Gauge.builder("aftercare.webhooks.lag", () -> snapshot().webhookLagSeconds())
			.description("How long the oldest waiting webhook has waited (workers falling behind show here)")
			.baseUnit("seconds")
			.register(registry);
		this.sent = Counter.builder("aftercare.followup.sends")
			.description("Follow-up sends recorded by this instance")
			.tag("outcome", "sent")
			.register(registry);
		this.failed = Counter.builder("aftercare.followup.sends")
			.description("Follow-up sends recorded by this instance")
			.tag("outcome", "failed")
			.register(registry);
	}

	@TransactionalEventListener
	void on(FollowUpSent sent) {
		if (this.sent != null) {
			this.sent.increment();
		}
	}

	@TransactionalEventListener
	void on(FollowUpSendFailed failed) {
		if (this.failed != null) {
			this.failed.increment();
		}
	}

	record Snapshot(Instant takenAt, Map<FollowUpStatus, Long> followUps, long incompleteEvents, long tasksDue,
			double schedulerLagSeconds, long remindersToFire, double ingestionLagSeconds, WebhookInbox.Depth webhooks,
			double webhookLagSeconds) {
	}

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current != null && current.takenAt().plus(FRESH).isAfter(now)) {
			return current;
		}
		synchronized (this) {
			if (this.snapshot != null && this.snapshot.takenAt().plus(FRESH).isAfter(now)) {
				return this.snapshot;
			}
			this.snapshot = take(now);
			return this.snapshot;
		}
	}

	private Snapshot take(Instant now) {
		Map<FollowUpStatus, Long> followUps = new EnumMap<>(FollowUpStatus.class);
		this.jdbc.sql("select status, count(*) as n from support_followups group by status").query((rs) -> {
			followUps.put(FollowUpStatus.valueOf(rs.getString("status")), rs.getLong("n"));
		});
		long incomplete = this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
		var at = SqlTime.utc(now);
		long due = this.jdbc.sql("select count(*) from scheduled_tasks where not picked and execution_time <= :now")
			.param("now", at)
			.query(Long.class)
			.single();
		Instant oldestDue = this.jdbc
			.sql("select min(execution_time) as t from scheduled_tasks where not picked and execution_time <= :now")
			.param("now", at)
			.query((rs, i) -> SqlTime.instant(rs, "t"))
			.list()
			.get(0);
		long toFire = this.jdbc.sql("""
				select count(*) from reminders where fired_at is null and due_at <= :now and status = 'OPEN'
				""").param("now", at).query(Long.class).single();
		Instant newestTicket = this.jdbc.sql("select max(updated_at) as t from tickets")
			.query((rs, i) -> SqlTime.instant(rs, "t"))
			.list()
			.get(0);
		WebhookInbox.Depth webhooks = this.inbox.depth();
		return new Snapshot(now, followUps, incomplete, due, seconds(oldestDue, now), toFire,
				seconds(newestTicket, now), webhooks, seconds(webhooks.oldestWaiting(), now));
	}

	private static double seconds(Instant since, Instant now) {
		return (since == null) ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
	}

}
