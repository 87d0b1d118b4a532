package io.aftercare.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.aftercare.customer.ContactId;
import io.aftercare.customer.CustomerId;
import io.aftercare.customer.CustomerRegistry;
import io.aftercare.shared.Change;
import io.aftercare.shared.SqlTime;
import io.aftercare.shared.TimeRange;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final CustomerRegistry customers;

	private final SupportDesk desk;

	private final Clock clock;

	TicketIntake(JdbcClient jdbc, CustomerRegistry customers, SupportDesk desk, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.desk = desk;
		this.clock = clock;
	}

	public TicketUpserted upsert(TicketRecord record) {
		notAhead(record);
		CustomerId customer = this.customers.customerOf(record.customer())
			.orElseThrow(() -> new IllegalArgumentException(
					"customer " + record.customer() + " is not known; send it first"));
		ContactId requester = (record.requester() != null) ? this.customers.contactOf(record.requester())
			.orElseThrow(() -> new IllegalArgumentException(
					"requester " + record.requester() + " is not a known contact; send it first"))
				: null;
		Optional<Ticket> stored = this.desk.findBySource(record.key());
		Instant now = this.clock.instant();
		if (stored.isEmpty()) {
			TicketId id = insert(record, customer, requester, now);
			writeChildren(id, record);
			List<TicketAnnouncement> announcements = new ArrayList<>();
			if (record.status().isResolved()) {
				announcements.add(resolved(id, customer, record));
			}
			if (record.satisfactionRating() != null) {
				announcements.add(rated(id, customer, record, now));
			}
			return new TicketUpserted(id, Change.CREATED, announcements);
		}
		Ticket before = stored.get();
		TicketRecord incoming = countReopening(before, record, now);
		boolean rowChanged = !sameRow(before, incoming, customer, requester);
		boolean childrenChanged = !before.tags().equals(incoming.tags())
				|| !this.desk.participants(before.id()).equals(incoming.participants())
				|| commentsChanged(before.id(), incoming.comments());
		if (!rowChanged && !childrenChanged) {
			return new TicketUpserted(before.id(), Change.UNCHANGED, List.of());
		}
		update(before.id(), incoming, customer, requester, now);
		writeChildren(before.id(), incoming);
		List<TicketAnnouncement> announcements = new ArrayList<>();
		if (incoming.status().isResolved() && !before.status().isResolved()) {
			announcements.add(resolved(before.id(), customer, incoming));
		}
		if (before.status().isResolved() && !incoming.status().isResolved()) {
			announcements.add(new TicketReopened(before.id(), customer, incoming.number(),
					(incoming.reopenedAt() != null) ? incoming.reopenedAt() : now, incoming.key().system(), false));
		}
		if (incoming.satisfactionRating() != null
				&& !incoming.satisfactionRating().equalsIgnoreCase(String.valueOf(before.satisfactionRating()))) {
			announcements.add(rated(before.id(), customer, incoming, now));
		}
		return new TicketUpserted(before.id(), Change.UPDATED, announcements);
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

	private boolean commentsChanged(TicketId id, List<TicketComment> incoming) {
		Map<String, TicketComment> stored = new HashMap<>();
		this.desk.comments(id).forEach((comment) -> stored.put(comment.externalId(), comment));
		return incoming.stream().anyMatch((comment) -> !comment.equals(stored.get(comment.externalId())));
	}

	private TicketId insert(TicketRecord r, CustomerId customer, ContactId requester, Instant now) {
		this.jdbc.sql("""
				insert into tickets (customer_id, source_system, external_id, ticket_number, subject, description,
				    product_area, priority, status, opened_at, resolved_at, reopened_at, reopen_count,
				    requester_contact_id, escalated, escalated_to, resolution_summary, satisfaction_rating,
				    surveyed_at, created_at, updated_at)
				values (:customer, :system, :externalId, :number, :subject, :description, :productArea, :priority,
				    :status, :openedAt, :resolvedAt, :reopenedAt, :reopenCount, :requester, :escalated, :escalatedTo,
				    :resolution, :satisfaction, :surveyedAt, :now, :now)
				""").params(rowParams(r, customer, requester, now)).update();
		return this.desk.findBySource(r.key()).orElseThrow().id();
	}

	private void update(TicketId id, TicketRecord r, CustomerId customer, ContactId requester, Instant now) {
		this.jdbc.sql("""
				update tickets set customer_id = :customer, ticket_number = :number, subject = :subject,
				    description = :description, product_area = :productArea, priority = :priority, status = :status,
				    opened_at = :openedAt, resolved_at = :resolvedAt, reopened_at = :reopenedAt,
				    reopen_count = :reopenCount, requester_contact_id = :requester, escalated = :escalated,
				    escalated_to = :escalatedTo, resolution_summary = :resolution, satisfaction_rating = :satisfaction,
				    surveyed_at = coalesce(surveyed_at, :surveyedAt), updated_at = :now
				where id = :id
				""").params(rowParams(r, customer, requester, now)).param("id", id.value()).update();
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
	 * never dropped.
	 */
	private void writeChildren(TicketId id, TicketRecord r) {
		this.jdbc.sql("delete from ticket_tags where ticket_id = :id").param("id", id.value()).update();
		for (String tag : r.tags()) {
			this.jdbc.sql("insert into ticket_tags (ticket_id, tag) values (:id, :tag)")
				.param("id", id.value())
				.param("tag", tag)
				.update();
		}
		this.jdbc.sql("delete from ticket_participants where ticket_id = :id").param("id", id.value()).update();
		int position = 0;
		for (Participant p : r.participants()) {
			this.jdbc.sql("""
					insert into ticket_participants (ticket_id, position, name, email, side, role)
					values (:id, :position, :name, :email, :side, :role)
					""")
				.param("id", id.value())
				.param("position", position++)
				.param("name", p.name())
				.param("email", p.email())
				.param("side", p.side().name())
				.param("role", p.role())
				.update();
		}
		for (TicketComment c : r.comments()) {
			Map<String, Object> params = new HashMap<>();
			params.put("id", id.value());
			params.put("externalId", c.externalId());
			params.put("author", c.author().name());
			params.put("authorName", c.authorName());
			params.put("isPublic", c.publicComment());
			params.put("body", c.body());
			params.put("createdAt", SqlTime.utc(c.createdAt()));
			int updated = this.jdbc.sql("""
					update ticket_comments set author_kind = :author, author_name = :authorName, is_public = :isPublic,
					    body = :body, created_at = :createdAt
					where ticket_id = :id and external_id = :externalId
					""").params(params).update();
			if (updated == 0) {
				this.jdbc.sql("""
						insert into ticket_comments (ticket_id, external_id, author_kind, author_name, is_public, body,
						    created_at)
						values (:id, :externalId, :author, :authorName, :isPublic, :body, :createdAt)
						""").params(params).update();
			}
		}
	}

}
