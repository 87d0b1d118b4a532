package io.aftercare.connector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.aftercare.AftercareIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workers claiming the webhook inbox at the same moment never take the same webhook, and
 * a claimed one is not taken again while its lease runs.
 */
@AftercareIntegrationTest
class WebhookInboxIntegrationTests {

	@Autowired
	WebhookInbox inbox;

	@Autowired
	JdbcClient jdbc;

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
			List<Stored> ours = this.jdbc
				.sql("select id, attempts, status from webhook_inbox where event_id like :run order by id")
				.param("run", run + "-%")
				.query((rs, i) -> new Stored(rs.getLong("id"), rs.getInt("attempts"), rs.getString("status")))
				.list();
			List<Long> takenByBoth = new ArrayList<>(one);
			takenByBoth.addAll(other);
			// The app's own worker may take some first: it fails what no connector reads,
			// so those it took are no longer waiting.
			assertThat(takenByBoth).as("the two together, while their leases run")
				.containsAll(
						ours.stream().filter((stored) -> stored.status().equals("RECEIVED")).map(Stored::id).toList());
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
