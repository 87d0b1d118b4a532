package io.aftercare.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.shared.SqlTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Workers claiming the webhook inbox at the same moment never take the same webhook, and
 * a claimed one is not taken again while its lease runs; webhooks done with are deleted
 * after their keep.
 */
@AftercareIntegrationTest
class WebhookInboxIntegrationTests {

	@Autowired
	WebhookInbox inbox;

	/** No connector reads this source: the app's own worker fails what it takes of it. */
	private static final String SOURCE = "inbox-retention";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InboxRetention retention;

	@Test
	void twoWorkersClaimingAtOnceNeverTakeTheSameWebhook() throws Exception {
		String run = UUID.randomUUID().toString();
		for (int i = 0; i < 300; i++) {
			this.inbox.store("inbox-test", run + "-" + i, "{}");
		}
		CountDownLatch start = new CountDownLatch(1);
		Callable<List<Long>> worker = () -> {
			start.await();
			List<Long> taken = new ArrayList<>();
			// A claim that lost every row to the other comes back short or empty:
			// go on while any of ours waits unclaimed.
			while (waiting(run) > 0) {
				this.inbox.claim(40, Duration.ofMinutes(10)).forEach((event) -> taken.add(event.id()));
			}
			return taken;
		};
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			Future<List<Long>> first = two.submit(worker);
			Future<List<Long>> second = two.submit(worker);
			start.countDown();
			List<Long> one = first.get();
			List<Long> other = second.get();

			assertThat(one.stream().filter(other::contains)).as("taken by both").isEmpty();
			List<Long> takenByBoth = new ArrayList<>(one);
			takenByBoth.addAll(other);
			// The app's own worker may take some first: it fails what no connector reads,
			// one by one, so those it took are soon no longer waiting.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(takenByBoth).as("the two together, while their leases run")
					.containsAll(ours(run).stream()
						.filter((stored) -> stored.status().equals("RECEIVED"))
						.map(Stored::id)
						.toList()));
			List<Stored> ours = ours(run);
			assertThat(ours).as("each taken once").allMatch((stored) -> stored.attempts() == 1);
			List<Long> ids = ours.stream().map(Stored::id).toList();
			assertThat(this.inbox.claim(400, Duration.ofMinutes(10))).as("none taken again while leased")
				.extracting(WebhookInbox.Event::id)
				.doesNotContainAnyElementsOf(ids);
			this.inbox.processed(ids, "test done");
		}
		finally {
			two.shutdownNow();
		}
	}

	private List<Stored> ours(String run) {
		return this.jdbc.sql("select id, attempts, status from webhook_inbox where event_id like :run order by id")
			.param("run", run + "-%")
			.query((rs, i) -> new Stored(rs.getLong("id"), rs.getInt("attempts"), rs.getString("status")))
			.list();
	}

	@Test
	void webhooksDoneWithAreDeletedOnceTheirKeepIsOverAndWaitingOnesStay() {
		// The walk relies on ids following the time of receipt, as they do when
		// webhooks arrive: so this test's rows are the only ones.
		this.jdbc.sql("delete from webhook_inbox").update();
		Instant now = Instant.now();
		Instant old = now.minus(Duration.ofDays(40));
		long processedOld = insert("old-processed", old, WebhookInbox.PROCESSED);
		long failedOld = insert("old-failed", old, WebhookInbox.FAILED);
		long waitingOld = insert("old-waiting", old, WebhookInbox.RECEIVED);
		long processedOldToo = insert("old-processed-too", old, WebhookInbox.PROCESSED);
		long processedRecent = insert("recent-processed", now.minus(Duration.ofDays(2)), WebhookInbox.PROCESSED);
		long waitingRecent = insert("recent-waiting", now, WebhookInbox.RECEIVED);

		// Two rows a statement: the walk goes on across chunks until a recent one.
		assertThat(this.inbox.forgetFinished(now.minus(Duration.ofDays(30)), 2)).isEqualTo(3);

		assertThat(this.jdbc.sql("select id from webhook_inbox order by id").query(Long.class).list())
			.as("the waiting, however old, and the recent")
			.containsExactly(waitingOld, processedRecent, waitingRecent)
			.doesNotContain(processedOld, failedOld, processedOldToo);
		assertThat(this.inbox.store(SOURCE, "recent-processed", "{}")).as("a redelivery within the keep is known")
			.isEqualTo(WebhookInbox.Receipt.DUPLICATE);
		assertThat(this.inbox.store(SOURCE, "old-processed", "{}")).as("one past it is not")
			.isEqualTo(WebhookInbox.Receipt.STORED);
	}

	@Test
	void theHourlyTaskKeepsWhatTheSettingSays() {
		this.jdbc.sql("delete from webhook_inbox").update();
		Instant now = Instant.now();
		insert("day-31", now.minus(Duration.ofDays(31)), WebhookInbox.PROCESSED);
		long day29 = insert("day-29", now.minus(Duration.ofDays(29)), WebhookInbox.FAILED);

		assertThat(this.retention.forgetOld()).as("the default keep is 30 days").isEqualTo(1);
		assertThat(this.jdbc.sql("select id from webhook_inbox").query(Long.class).list()).containsExactly(day29);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.jdbc.sql("select task_name from scheduled_tasks").query(String.class).list())
						.contains("webhook-inbox-retention"));
	}

	private long insert(String eventId, Instant receivedAt, String status) {
		boolean waiting = WebhookInbox.RECEIVED.equals(status);
		this.jdbc.sql("""
				insert into webhook_inbox (source, event_id, received_at, payload, status, processed_at, claimed_until)
				values (:source, :eventId, :receivedAt, '{}', :status, :processedAt, :claimedUntil)
				""")
			.param("source", SOURCE)
			.param("eventId", eventId)
			.param("receivedAt", SqlTime.utc(receivedAt))
			.param("status", status)
			.param("processedAt", waiting ? null : SqlTime.utc(receivedAt))
			// Waiting to be tried again: out of reach of the app's own worker.
			.param("claimedUntil", waiting ? SqlTime.utc(Instant.now().plus(Duration.ofHours(1))) : null)
			.update();
		return this.jdbc.sql("select id from webhook_inbox where source = :source and event_id = :eventId")
			.param("source", SOURCE)
			.param("eventId", eventId)
			.query(Long.class)
			.single();
	}

	private long waiting(String run) {
		return this.jdbc
			.sql("""
					select count(*) from webhook_inbox where event_id like :run and status = 'RECEIVED' and claimed_until is null
					""")
			.param("run", run + "-%")
			.query(Long.class)
			.single();
	}

	private record Stored(long id, int attempts, String status) {
	}

}
