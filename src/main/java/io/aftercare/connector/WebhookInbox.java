package io.aftercare.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aftercare.shared.SqlTime;
import io.aftercare.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The durable inbox of verified webhooks. A webhook is stored (one insert) before it is
 * acknowledged, and processed from here by {@link InboxWorker}; its source and event id
 * are unique, so a redelivery finds its row and changes nothing.
 */
@Service
public class WebhookInbox {

	static final String RECEIVED = "RECEIVED";

	static final String PROCESSED = "PROCESSED";

	static final String FAILED = "FAILED";

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookInbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether a webhook was new or a redelivery of one stored before. */
	public enum Receipt {

		STORED, DUPLICATE

	}

	/** Stores the payload, unless an event of that source and id was stored before. */
	public Receipt store(String source, String eventId, String payload) {
		int inserted = this.jdbc.sql("""
				insert into webhook_inbox (source, event_id, received_at, payload, status)
				values (:source, :eventId, :now, :payload, 'RECEIVED')
				on conflict do nothing
				""")
			.param("source", source)
			.param("eventId", eventId)
			.param("now", SqlTime.utc(this.clock.instant()))
			.param("payload", payload)
			.update();
		return (inserted == 1) ? Receipt.STORED : Receipt.DUPLICATE;
	}

	/** A stored webhook, taken by a worker. */
	record Event(long id, String source, String eventId, String payload, int attempts) {
	}

	/**
	 * Takes up to {@code limit} webhooks nobody is processing, oldest first, for
	 * {@code lease}. Two workers never take the same one: the claim is re-checked row by
	 * row as it is written, and each worker reads back only its own token. Every step
	 * after the first goes by id: reading the claimed rows back by their token alone read
	 * every waiting webhook, a cost that grew with the backlog (31 ms a batch with 45,000
	 * waiting, docs/performance.md).
	 */
	List<Event> claim(int limit, Duration lease) {
		Instant now = this.clock.instant();
		List<Long> candidates = this.jdbc
			.sql("""
					select id from webhook_inbox where status = 'RECEIVED' and (claimed_until is null or claimed_until < :now)
					order by id limit :limit
					""")
			.param("now", SqlTime.utc(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
		if (candidates.isEmpty()) {
			return List.of();
		}
		String token = UUID.randomUUID().toString();
		this.jdbc.sql("""
				update webhook_inbox set claimed_until = :until, claim_token = :token, attempts = attempts + 1
				where id in (:ids) and status = 'RECEIVED' and (claimed_until is null or claimed_until < :now)
				""")
			.param("until", SqlTime.utc(now.plus(lease)))
			.param("token", token)
			.param("now", SqlTime.utc(now))
			.param("ids", candidates)
			.update();
		return this.jdbc.sql("""
				select id, source, event_id, payload, attempts from webhook_inbox
				where id in (:ids) and claim_token = :token and status = 'RECEIVED' order by id
				""")
			.param("ids", candidates)
			.param("token", token)
			.query((rs, i) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.list();
	}

	void processed(List<Long> ids, String outcome) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update webhook_inbox set status = 'PROCESSED', processed_at = :now, outcome = :outcome,
				    claimed_until = null
				where id in (:ids)
				""")
			.param("now", SqlTime.utc(this.clock.instant()))
			.param("outcome", shorten(outcome))
			.param("ids", ids)
			.update();
	}

	void failed(long id, String reason) {
		this.jdbc.sql("""
				update webhook_inbox set status = 'FAILED', processed_at = :now, outcome = :outcome,
				    claimed_until = null
				where id = :id
				""")
			.param("now", SqlTime.utc(this.clock.instant()))
			.param("outcome", shorten(reason))
			.param("id", id)
			.update();
	}

	/**
	 * Lets a webhook whose processing failed for a passing reason be taken again soon.
	 */
	void retryLater(long id, Duration after) {
		this.jdbc.sql("update webhook_inbox set claimed_until = :until where id = :id")
			.param("until", SqlTime.utc(this.clock.instant().plus(after)))
			.param("id", id)
			.update();
	}

	/**
	 * Puts webhooks set aside as failed back in line, their attempts counted afresh: for
	 * when what made them fail has been mended (an account mapped, a fix deployed, a
	 * vendor back up).
	 * @param ids the failed webhooks to try again; empty for all of them
	 * @return how many were put back
	 */
	int retryFailed(List<Long> ids) {
		String which = ids.isEmpty() ? "" : " and id in (:ids)";
		var retry = this.jdbc.sql("""
				update webhook_inbox set status = 'RECEIVED', attempts = 0, claimed_until = null, claim_token = null,
				    processed_at = null, outcome = null
				where status = 'FAILED'""" + which);
		return (ids.isEmpty() ? retry : retry.param("ids", ids)).update();
	}

	/**
	 * Deletes the webhooks received before {@code before} that are done with (processed
	 * or failed), {@code chunk} at a time, and says how many. It walks the inbox by id
	 * from the oldest and stops at the first row received later: ids are handed out as
	 * webhooks arrive, so no index on the time of receipt is needed (receipt is the
	 * inbox's busy path). A webhook still waiting is left, however old.
	 */
	int forgetFinished(Instant before, int chunk) {
		int deleted = 0;
		long after = 0;
		boolean more = true;
		while (more) {
			List<Finished> rows = this.jdbc
				.sql("select id, status, received_at from webhook_inbox where id > :after order by id limit :chunk")
				.param("after", after)
				.param("chunk", chunk)
				.query((rs, i) -> new Finished(rs.getLong(1), !RECEIVED.equals(rs.getString(2)),
						SqlTime.instant(rs, "received_at").isBefore(before)))
				.list();
			List<Long> done = rows.stream().filter((row) -> row.done() && row.older()).map(Finished::id).toList();
			if (!done.isEmpty()) {
				deleted += this.jdbc.sql("delete from webhook_inbox where id in (:ids)").param("ids", done).update();
			}
			// A full chunk that ends on an old row may be followed by more of them.
			more = rows.size() == chunk && rows.get(chunk - 1).older();
			if (more) {
				after = rows.get(chunk - 1).id();
			}
		}
		return deleted;
	}

	private record Finished(long id, boolean done, boolean older) {
	}

	/** How many webhooks each source has in each state. */
	public Map<String, Map<String, Long>> counts() {
		Map<String, Map<String, Long>> counts = new java.util.TreeMap<>();
		this.jdbc.sql("select source, status, count(*) from webhook_inbox group by source, status").query((rs) -> {
			counts.computeIfAbsent(rs.getString(1), (key) -> new java.util.TreeMap<>())
				.put(rs.getString(2), rs.getLong(3));
		});
		return counts;
	}

	/**
	 * How far the workers are behind: the webhooks waiting and set aside, and when the
	 * oldest waiting one came in. Each read goes by the status index, however many
	 * processed webhooks the inbox keeps.
	 */
	public Depth depth() {
		long waiting = this.jdbc.sql("select count(*) from webhook_inbox where status = 'RECEIVED'")
			.query(Long.class)
			.single();
		long failed = this.jdbc.sql("select count(*) from webhook_inbox where status = 'FAILED'")
			.query(Long.class)
			.single();
		Instant oldest = (waiting == 0) ? null
				: this.jdbc.sql("select received_at from webhook_inbox where status = 'RECEIVED' order by id limit 1")
					.query((rs, i) -> SqlTime.instant(rs, "received_at"))
					.optional()
					.orElse(null);
		return new Depth(waiting, failed, oldest);
	}

	/**
	 * The inbox's queue: {@code oldestWaiting} is null when nothing waits.
	 */
	public record Depth(long waiting, long failed, Instant oldestWaiting) {
	}

	/**
	 * The most recent webhooks that could not be processed, with the reason.
	 * @param newest how many at most
	 */
	public List<FailedWebhook> failures(int newest) {
		return this.jdbc.sql("""
				select id, source, event_id, received_at, outcome from webhook_inbox where status = 'FAILED'
				order by id desc limit :newest
				""")
			.param("newest", newest)
			.query((rs, i) -> new FailedWebhook(rs.getLong(1), rs.getString(2), rs.getString(3),
					SqlTime.instant(rs, "received_at"), rs.getString(5)))
			.list();
	}

	/** A webhook the worker gave up on, and why. */
	public record FailedWebhook(long id, String source, String eventId, Instant receivedAt, String reason) {
	}

	private static String shorten(String text) {
		return (text == null || text.length() <= 1000) ? text : Text.cut(997, text) + "...";
	}

}
