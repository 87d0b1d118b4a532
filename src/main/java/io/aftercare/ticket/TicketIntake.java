package io.aftercare.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.aftercare.customer.ContactId;
import io.aftercare.customer.CustomerId;
import io.aftercare.customer.CustomerRegistry;
import io.aftercare.shared.Change;
import io.aftercare.shared.SourceKey;
import io.aftercare.shared.SqlTime;
import io.aftercare.shared.TimeRange;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes tickets in from the desks. Idempotent by source key: an unchanged ticket changes
 * nothing. A ticket that arrives resolved, or moves to resolved, comes back with its
 * {@link TicketResolved} for the caller to publish once it is committed; one that moves
 * from resolved back to open counts as reopened.
 */
@Service
@Transactional
public class TicketIntake {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcOperations batch;

	private final CustomerRegistry customers;

	private final SupportDesk desk;

	private final Clock clock;

	TicketIntake(JdbcClient jdbc, NamedParameterJdbcOperations batch, CustomerRegistry customers, SupportDesk desk,
			Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.customers = customers;
		this.desk = desk;
		this.clock = clock;
	}

	public TicketUpserted upsert(TicketRecord record) {
		return upsertAll(List.of(record)).get(0);
	}

	/**
	 * Takes a batch in with a few statements for all of it rather than a dozen per
	 * ticket, which is what lets a backfill of a million tickets through. All or nothing:
	 * when one ticket is refused (it names an unknown customer, dates ahead), the
	 * exception says why and nothing is written, so the caller can take the tickets in
	 * one by one to find which. A ticket may come more than once: its versions are
	 * applied in their order.
	 * @return what became of each ticket, in the order given
	 */
	public List<TicketUpserted> upsertAll(List<TicketRecord> records) {
		TicketUpserted[] upserted = new TicketUpserted[records.size()];
		for (List<Integer> round : rounds(records)) {
			upsert(round.stream().map(records::get).toList()).forEach((i, result) -> upserted[round.get(i)] = result);
		}
		return List.of(upserted);
	}

	/**
	 * The batch split so that no round holds a ticket twice: the first version of each in
	 * the first round, the second in the next, and so on.
	 */
	private static List<List<Integer>> rounds(List<TicketRecord> records) {
		List<List<Integer>> rounds = new ArrayList<>();
		Map<SourceKey, Integer> seen = new HashMap<>();
		for (int i = 0; i < records.size(); i++) {
			int round = seen.merge(records.get(i).key(), 1, Integer::sum) - 1;
			if (round == rounds.size()) {
				rounds.add(new ArrayList<>());
			}
			rounds.get(round).add(i);
		}
		return rounds;
	}

	/** A ticket to write, with what it is written over (null for a new one). */
	private record Write(int index, TicketRecord record, CustomerId customer, ContactId requester, Ticket before) {
	}

	/** A ticket written, and its id. */
	private record Written(Write write, TicketId id) {
	}

	/** Tickets of distinct keys; the result by their index in {@code batch}. */
	private Map<Integer, TicketUpserted> upsert(List<TicketRecord> batch) {
		batch.forEach(this::notAhead);
		Map<SourceKey, CustomerId> customers = this.customers
			.customersOf(batch.stream().map(TicketRecord::customer).toList());
		Map<SourceKey, ContactId> requesters = this.customers
			.contactsOf(batch.stream().map(TicketRecord::requester).filter(Objects::nonNull).toList());
		Map<SourceKey, Ticket> stored = this.desk.findBySources(batch.stream().map(TicketRecord::key).toList());
		List<TicketId> storedIds = stored.values().stream().map(Ticket::id).toList();
		Map<TicketId, List<Participant>> participants = this.desk.participants(storedIds);
		Map<TicketId, List<TicketComment>> comments = this.desk.comments(storedIds);
		Instant now = this.clock.instant();
		Map<Integer, TicketUpserted> upserted = new HashMap<>();
		List<Write> inserts = new ArrayList<>();
		List<Write> updates = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			TicketRecord record = batch.get(i);
			CustomerId customer = customers.get(record.customer());
			if (customer == null) {
				throw new IllegalArgumentException("customer " + record.customer() + " is not known; send it first");
			}
			ContactId requester = null;
			if (record.requester() != null) {
				requester = requesters.get(record.requester());
				if (requester == null) {
					throw new IllegalArgumentException(
							"requester " + record.requester() + " is not a known contact; send it first");
				}
			}
			Ticket before = stored.get(record.key());
			if (before == null) {
				inserts.add(new Write(i, record, customer, requester, null));
				continue;
			}
			TicketRecord incoming = countReopening(before, record, now);
			boolean changed = !sameRow(before, incoming, customer, requester) || !before.tags().equals(incoming.tags())
					|| !participants.getOrDefault(before.id(), List.of()).equals(incoming.participants())
					|| commentsChanged(comments.getOrDefault(before.id(), List.of()), incoming.comments());
			if (changed) {
				updates.add(new Write(i, incoming, customer, requester, before));
			}
			else {
				upserted.put(i, new TicketUpserted(before.id(), Change.UNCHANGED, List.of()));
			}
		}
		List<Written> written = new ArrayList<>(insert(inserts, now));
		update(updates, now);
		updates.forEach((write) -> written.add(new Written(write, write.before().id())));
		writeChildren(written, comments);
		for (Written one : written) {
			Write write = one.write();
			upserted.put(write.index(),
					(write.before() == null)
							? new TicketUpserted(one.id(), Change.CREATED, created(one.id(), write, now))
							: new TicketUpserted(one.id(), Change.UPDATED, updated(write, now)));
		}
		return upserted;
	}

	private static List<TicketAnnouncement> created(TicketId id, Write write, Instant now) {
		TicketRecord record = write.record();
		List<TicketAnnouncement> announcements = new ArrayList<>();
		if (record.status().isResolved()) {
			announcements.add(resolved(id, write.customer(), record));
		}
		if (record.satisfactionRating() != null) {
			announcements.add(rated(id, write.customer(), record, now));
		}
		return announcements;
	}

	private static List<TicketAnnouncement> updated(Write write, Instant now) {
		Ticket before = write.before();
		TicketRecord incoming = write.record();
		List<TicketAnnouncement> announcements = new ArrayList<>();
		if (incoming.status().isResolved() && !before.status().isResolved()) {
			announcements.add(resolved(before.id(), write.customer(), incoming));
		}
		if (before.status().isResolved() && !incoming.status().isResolved()) {
			announcements.add(new TicketReopened(before.id(), write.customer(), incoming.number(),
					(incoming.reopenedAt() != null) ? incoming.reopenedAt() : now, incoming.key().system(), false));
		}
		if (incoming.satisfactionRating() != null
				&& !incoming.satisfactionRating().equalsIgnoreCase(String.valueOf(before.satisfactionRating()))) {
			announcements.add(rated(before.id(), write.customer(), incoming, now));
		}
		return announcements;
	}

	private static TicketResolved resolved(TicketId id, CustomerId customer, TicketRecord record) {
		return new TicketResolved(id, customer, record.number(), record.priority(), record.resolvedAt(),
				record.key().system(), false);
	}

	/**
	 * Desks report a rating without saying when the survey went out: it went out when we
	 * first heard of it.
	 */
	private static TicketRated rated(TicketId id, CustomerId customer, TicketRecord record, Instant now) {
		return new TicketRated(id, customer, record.number(), new SatisfactionRating(record.satisfactionRating()), now,
				record.key().system(), false);
	}

	/**
	 * What a desk reports as having happened cannot lie ahead: a ticket dated next year
	 * would count as the newest for a year.
	 */
	private void notAhead(TicketRecord record) {
		Instant now = this.clock.instant();
		TimeRange.notAhead("openedAt", record.openedAt(), now);
		TimeRange.notAhead("resolvedAt", record.resolvedAt(), now);
		TimeRange.notAhead("reopenedAt", record.reopenedAt(), now);
		for (int i = 0; i < record.comments().size(); i++) {
			TimeRange.notAhead("comments[" + i + "].createdAt", record.comments().get(i).createdAt(), now);
		}
	}

	/**
	 * A desk that only reports the current status still tells us of a reopening: resolved
	 * before, open now.
	 */
	private static TicketRecord countReopening(Ticket before, TicketRecord record, Instant now) {
		if (!before.status().isResolved() || record.status().isResolved()
				|| record.reopenCount() > before.reopenCount()) {
			return record;
		}
		return new TicketRecord(record.key(), record.customer(), record.number(), record.subject(),
				record.description(), record.productArea(), record.priority(), record.status(), record.openedAt(),
				record.resolvedAt(), (record.reopenedAt() != null) ? record.reopenedAt() : now,
				before.reopenCount() + 1, record.requester(), record.escalated(), record.escalatedTo(),
				record.resolutionSummary(), record.satisfactionRating(), record.tags(), record.participants(),
				record.comments());
	}

	private static boolean sameRow(Ticket t, TicketRecord r, CustomerId customer, ContactId requester) {
		return t.customerId().equals(customer) && t.number().equals(r.number()) && t.subject().equals(r.subject())
				&& Objects.equals(t.description(), r.description()) && Objects.equals(t.productArea(), r.productArea())
				&& t.priority() == r.priority() && t.status() == r.status() && t.openedAt().equals(r.openedAt())
				&& Objects.equals(t.resolvedAt(), r.resolvedAt()) && Objects.equals(t.reopenedAt(), r.reopenedAt())
				&& t.reopenCount() == r.reopenCount() && Objects.equals(t.requester(), requester)
				&& t.escalated() == r.escalated() && Objects.equals(t.escalatedTo(), r.escalatedTo())
				&& Objects.equals(t.resolutionSummary(), r.resolutionSummary())
				&& Objects.equals(t.satisfactionRating(), r.satisfactionRating());
	}

	private static boolean commentsChanged(List<TicketComment> before, List<TicketComment> incoming) {
		Map<String, TicketComment> stored = new HashMap<>();
		before.forEach((comment) -> stored.put(comment.externalId(), comment));
		return incoming.stream().anyMatch((comment) -> !comment.equals(stored.get(comment.externalId())));
	}

	/** Inserts the new tickets in one batch; returns the ids they were given. */
	private List<Written> insert(List<Write> inserts, Instant now) {
		if (inserts.isEmpty()) {
			return List.of();
		}
		// The ids come back with the batch, in its order, on both databases.
		KeyHolder keys = new GeneratedKeyHolder();
		this.batch.batchUpdate("""
				insert into tickets (customer_id, source_system, external_id, ticket_number, subject, description,
				    product_area, priority, status, opened_at, resolved_at, reopened_at, reopen_count,
				    requester_contact_id, escalated, escalated_to, resolution_summary, satisfaction_rating,
				    surveyed_at, created_at, updated_at)
				values (:customer, :system, :externalId, :number, :subject, :description, :productArea, :priority,
				    :status, :openedAt, :resolvedAt, :reopenedAt, :reopenCount, :requester, :escalated, :escalatedTo,
				    :resolution, :satisfaction, :surveyedAt, :now, :now)
				""", parameters(rows(inserts, now)), keys, new String[] { "id" });
		List<Map<String, Object>> ids = keys.getKeyList();
		List<Written> written = new ArrayList<>(inserts.size());
		for (int i = 0; i < inserts.size(); i++) {
			written.add(new Written(inserts.get(i), new TicketId(((Number) ids.get(i).get("id")).longValue())));
		}
		return written;
	}

	private static SqlParameterSource[] parameters(Map<String, Object>[] rows) {
		return Arrays.stream(rows).map(MapSqlParameterSource::new).toArray(SqlParameterSource[]::new);
	}

	private void update(List<Write> updates, Instant now) {
		if (updates.isEmpty()) {
			return;
		}
		this.batch.batchUpdate("""
				update tickets set customer_id = :customer, ticket_number = :number, subject = :subject,
				    description = :description, product_area = :productArea, priority = :priority, status = :status,
				    opened_at = :openedAt, resolved_at = :resolvedAt, reopened_at = :reopenedAt,
				    reopen_count = :reopenCount, requester_contact_id = :requester, escalated = :escalated,
				    escalated_to = :escalatedTo, resolution_summary = :resolution, satisfaction_rating = :satisfaction,
				    surveyed_at = coalesce(surveyed_at, :surveyedAt), updated_at = :now
				where id = :id
				""", rows(updates, now));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object>[] rows(List<Write> writes, Instant now) {
		return writes.stream().map((write) -> {
			Map<String, Object> params = rowParams(write.record(), write.customer(), write.requester(), now);
			params.put("id", (write.before() != null) ? write.before().id().value() : null);
			return params;
		}).toArray(Map[]::new);
	}

	private static Map<String, Object> rowParams(TicketRecord r, CustomerId customer, ContactId requester,
			Instant now) {
		Map<String, Object> params = new HashMap<>();
		params.put("customer", customer.value());
		params.put("system", r.key().system());
		params.put("externalId", r.key().externalId());
		params.put("number", r.number());
		params.put("subject", r.subject());
		params.put("description", r.description());
		params.put("productArea", r.productArea());
		params.put("priority", r.priority().name());
		params.put("status", r.status().name());
		params.put("openedAt", SqlTime.utc(r.openedAt()));
		params.put("resolvedAt", SqlTime.utc(r.resolvedAt()));
		params.put("reopenedAt", SqlTime.utc(r.reopenedAt()));
		params.put("reopenCount", r.reopenCount());
		params.put("requester", (requester != null) ? requester.value() : null);
		params.put("escalated", r.escalated());
		params.put("escalatedTo", r.escalatedTo());
		params.put("resolution", r.resolutionSummary());
		params.put("satisfaction", r.satisfactionRating());
		// When the desk's survey first went out, as far as we know: when we first heard
		// of it.
		boolean surveyed = r.satisfactionRating() != null
				&& new SatisfactionRating(r.satisfactionRating()).wasOffered();
		params.put("surveyedAt", surveyed ? SqlTime.utc(now) : null);
		params.put("now", SqlTime.utc(now));
		return params;
	}

	/**
	 * Tags and participants are replaced as a whole; comments are added or corrected,
	 * never dropped. A statement for each kind of change, batched over the tickets.
	 */
	private void writeChildren(List<Written> written, Map<TicketId, List<TicketComment>> storedComments) {
		List<Long> updated = written.stream()
			.filter((one) -> one.write().before() != null)
			.map((one) -> one.id().value())
			.toList();
		if (!updated.isEmpty()) {
			this.jdbc.sql("delete from ticket_tags where ticket_id in (:ids)").param("ids", updated).update();
			this.jdbc.sql("delete from ticket_participants where ticket_id in (:ids)").param("ids", updated).update();
		}
		List<Map<String, Object>> tags = new ArrayList<>();
		List<Map<String, Object>> participants = new ArrayList<>();
		List<Map<String, Object>> newComments = new ArrayList<>();
		List<Map<String, Object>> correctedComments = new ArrayList<>();
		for (Written one : written) {
			TicketId id = one.id();
			TicketRecord r = one.write().record();
			r.tags().forEach((tag) -> tags.add(Map.of("id", id.value(), "tag", tag)));
			for (int position = 0; position < r.participants().size(); position++) {
				Participant p = r.participants().get(position);
				Map<String, Object> params = new HashMap<>();
				params.put("id", id.value());
				params.put("position", position);
				params.put("name", p.name());
				params.put("email", p.email());
				params.put("side", p.side().name());
				params.put("role", p.role());
				participants.add(params);
			}
			Set<String> stored = storedComments.getOrDefault(id, List.of())
				.stream()
				.map(TicketComment::externalId)
				.collect(Collectors.toSet());
			for (TicketComment c : r.comments()) {
				Map<String, Object> params = new HashMap<>();
				params.put("id", id.value());
				params.put("externalId", c.externalId());
				params.put("author", c.author().name());
				params.put("authorName", c.authorName());
				params.put("isPublic", c.publicComment());
				params.put("body", c.body());
				params.put("createdAt", SqlTime.utc(c.createdAt()));
				(stored.contains(c.externalId()) ? correctedComments : newComments).add(params);
			}
		}
		batch("insert into ticket_tags (ticket_id, tag) values (:id, :tag)", tags);
		batch("""
				insert into ticket_participants (ticket_id, position, name, email, side, role)
				values (:id, :position, :name, :email, :side, :role)
				""", participants);
		batch("""
				update ticket_comments set author_kind = :author, author_name = :authorName, is_public = :isPublic,
				    body = :body, created_at = :createdAt
				where ticket_id = :id and external_id = :externalId
				""", correctedComments);
		batch("""
				insert into ticket_comments (ticket_id, external_id, author_kind, author_name, is_public, body,
				    created_at)
				values (:id, :externalId, :author, :authorName, :isPublic, :body, :createdAt)
				""", newComments);
	}

	@SuppressWarnings("unchecked")
	private void batch(String sql, List<Map<String, Object>> rows) {
		if (!rows.isEmpty()) {
			this.batch.batchUpdate(sql, rows.toArray(Map[]::new));
		}
	}

}
