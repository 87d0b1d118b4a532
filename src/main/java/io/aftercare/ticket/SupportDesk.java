package io.aftercare.ticket;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.aftercare.customer.ContactId;
import io.aftercare.customer.CustomerId;
import io.aftercare.shared.SourceKey;
import io.aftercare.shared.SqlTime;
import io.aftercare.shared.jdbc.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Questions about a customer's tickets. Callers have already checked, through
 * {@code CustomerBook}, that the signed-in CSM may see the customer; every query here is
 * scoped to one customer so a ticket id cannot reach across books.
 */
@Service
@ReadOnly
public class SupportDesk {

	// The tags with each ticket, in the same statement: a list of tickets then costs one
	// round trip, not two (each statement costs more than its few index reads here).
	private static final String COLUMNS = """
			id, customer_id, source_system, ticket_number, subject, description, product_area, priority, status,
			opened_at, resolved_at, reopened_at, reopen_count, requester_contact_id, escalated, escalated_to,
			resolution_summary, satisfaction_rating,
			(select array_agg(g.tag order by g.tag) from ticket_tags g where g.ticket_id = tickets.id) as tags
			""";

	private final JdbcClient jdbc;

	SupportDesk(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Ticket> find(CustomerId customer, TicketId id) {
		return one("select " + COLUMNS + " from tickets where id = :id and customer_id = :customer",
				Map.of("id", id.value(), "customer", customer.value()));
	}

	/**
	 * The Message-IDs of the desk's emails about the ticket, oldest first, where a
	 * connector recorded them; empty otherwise. Each is one Message-ID as it appears in a
	 * header ({@code <id@host>}); anything else in the column is left out.
	 */
	public List<String> mailThread(CustomerId customer, TicketId id) {
		String thread = this.jdbc.sql("select mail_thread from tickets where id = :id and customer_id = :customer")
			.param("id", id.value())
			.param("customer", customer.value())
			.query(String.class)
			.optional()
			.orElse(null);
		if (thread == null || thread.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(thread.trim().split("\\s+"))
			.filter((messageId) -> messageId.matches("<[^<>\\s@]+@[^<>\\s@]+>"))
			.toList();
	}

	/**
	 * By the desk's ticket number as a CSM would type it, with or without a leading '#'.
	 */
	public Optional<Ticket> findByNumber(CustomerId customer, String number) {
		String cleaned = number.trim().replaceFirst("^#", "");
		Optional<Ticket> exact = one("""
				select %s from tickets where customer_id = :customer and lower(ticket_number) = lower(:number)
				order by opened_at desc limit 1
				""".formatted(COLUMNS), Map.of("customer", customer.value(), "number", cleaned));
		if (exact.isPresent() || !Ticket.couldEndANumber(cleaned)) {
			return exact;
		}
		// Only the digits at its end ("0847" for TF-2024-0847): the customer narrows the
		// tickets to their own, so the one that ends so is meant; two that do are not.
		List<Ticket> ending = this.jdbc.sql("""
				select %s from tickets where customer_id = :customer and ticket_number like :ending
				order by opened_at desc limit 20
				""".formatted(COLUMNS))
			.param("customer", customer.value())
			.param("ending", "%" + cleaned.replaceFirst("^0+(?=\\d)", "") + "%")
			.query(SupportDesk::ticket)
			.list()
			.stream()
			.filter((ticket) -> Ticket.numberEndsIn(ticket.number(), cleaned))
			.toList();
		return (ending.size() == 1) ? Optional.of(ending.get(0)) : Optional.empty();
	}

	/**
	 * Tickets opened or resolved within the window (since its start, before its end when
	 * it has one), newest activity first.
	 */
	public List<Ticket> recent(CustomerId customer, RecentTickets query) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from tickets where customer_id = :customer");
		Map<String, Object> params = new HashMap<>();
		params.put("customer", customer.value());
		params.put("since", SqlTime.utc(query.since()));
		if (query.until() == null) {
			sql.append(" and (opened_at >= :since or resolved_at >= :since)");
		}
		else {
			sql.append(" and ((opened_at >= :since and opened_at < :until)"
					+ " or (resolved_at >= :since and resolved_at < :until))");
			params.put("until", SqlTime.utc(query.until()));
		}
		params.put("limit", query.limit());
		if (!query.statuses().isEmpty()) {
			sql.append(" and status in (:statuses)");
			params.put("statuses", query.statuses().stream().map(Enum::name).toList());
		}
		sql.append(" order by coalesce(resolved_at, opened_at) desc, id desc limit :limit");
		return this.jdbc.sql(sql.toString()).params(params).query(SupportDesk::ticket).list();
	}

	/**
	 * Whether the desk's own satisfaction survey went to this contact, for any ticket,
	 * since {@code since}.
	 */
	public boolean surveyedSince(ContactId requester, Instant since) {
		return this.jdbc.sql("""
				select count(*) from tickets where requester_contact_id = :requester and surveyed_at >= :since
				""")
			.param("requester", requester.value())
			.param("since", SqlTime.utc(since))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Resolved tickets of the customer whose resolution falls in {@code [from, to]},
	 * newest first.
	 */
	public List<Ticket> resolvedBetween(CustomerId customer, Instant from, Instant to) {
		return this.jdbc.sql("select " + COLUMNS + """
				from tickets where customer_id = :customer and status in ('SOLVED', 'CLOSED')
				  and resolved_at between :from and :to
				order by resolved_at desc, id desc
				""")
			.param("customer", customer.value())
			.param("from", SqlTime.utc(from))
			.param("to", SqlTime.utc(to))
			.query(SupportDesk::ticket)
			.list();
	}

	/**
	 * How many tickets of the customer were resolved in {@code [from, to]}, up to
	 * {@code atMost}: counted, not loaded, and no further than asked, as a large customer
	 * may have thousands.
	 */
	public int countResolvedBetween(CustomerId customer, Instant from, Instant to, int atMost) {
		return this.jdbc.sql("""
				select count(*) from (select 1 from tickets where customer_id = :customer
				  and status in ('SOLVED', 'CLOSED') and resolved_at between :from and :to limit :atMost) counted
				""")
			.param("customer", customer.value())
			.param("from", SqlTime.utc(from))
			.param("to", SqlTime.utc(to))
			.param("atMost", atMost)
			.query(Integer.class)
			.single();
	}

	/** Tickets of the customer that were open at some point in {@code [from, to]}. */
	public List<Ticket> activeBetween(CustomerId customer, Instant from, Instant to) {
		return this.jdbc.sql("select " + COLUMNS + """
				from tickets where customer_id = :customer and opened_at <= :to
				  and (resolved_at is null or resolved_at >= :from)
				order by opened_at desc, id desc limit 200
				""")
			.param("customer", customer.value())
			.param("from", SqlTime.utc(from))
			.param("to", SqlTime.utc(to))
			.query(SupportDesk::ticket)
			.list();
	}

	public List<Participant> participants(TicketId ticket) {
		return participants(List.of(ticket)).getOrDefault(ticket, List.of());
	}

	/** The participants of each ticket, in one query. */
	public Map<TicketId, List<Participant>> participants(Collection<TicketId> tickets) {
		Map<TicketId, List<Participant>> participants = new HashMap<>();
		if (!tickets.isEmpty()) {
			this.jdbc.sql("""
					select ticket_id, name, email, side, role from ticket_participants where ticket_id in (:ids)
					order by ticket_id, position
					""").param("ids", ids(tickets)).query((rs) -> {
				participants.computeIfAbsent(new TicketId(rs.getLong("ticket_id")), (k) -> new ArrayList<>())
					.add(new Participant(rs.getString("name"), rs.getString("email"),
							ParticipantSide.valueOf(rs.getString("side")), rs.getString("role")));
			});
		}
		return participants;
	}

	public List<TicketComment> comments(TicketId ticket) {
		return comments(List.of(ticket)).getOrDefault(ticket, List.of());
	}

	/** The comments of each ticket, oldest first, in one query. */
	Map<TicketId, List<TicketComment>> comments(Collection<TicketId> tickets) {
		Map<TicketId, List<TicketComment>> comments = new HashMap<>();
		if (!tickets.isEmpty()) {
			this.jdbc.sql("""
					select ticket_id, external_id, author_kind, author_name, is_public, body, created_at
					from ticket_comments where ticket_id in (:ids) order by ticket_id, created_at, id
					""").param("ids", ids(tickets)).query((rs) -> {
				comments.computeIfAbsent(new TicketId(rs.getLong("ticket_id")), (k) -> new ArrayList<>())
					.add(new TicketComment(rs.getString("external_id"),
							CommentAuthor.valueOf(rs.getString("author_kind")), rs.getString("author_name"),
							rs.getBoolean("is_public"), rs.getString("body"), SqlTime.instant(rs, "created_at")));
			});
		}
		return comments;
	}

	/**
	 * The tickets stored under these source keys, in one query per source system.
	 */
	public Map<SourceKey, Ticket> findBySources(Collection<SourceKey> keys) {
		Map<SourceKey, Ticket> found = new HashMap<>();
		SourceKey.bySystem(keys).forEach((system, externalIds) -> this.jdbc.sql("select external_id, " + COLUMNS + """
				from tickets where source_system = :system and external_id in (:ids)
				""").param("system", system).param("ids", externalIds).query((rs) -> {
			found.put(new SourceKey(system, rs.getString("external_id")), ticket(rs, 0));
		}));
		return found;
	}

	private static List<Long> ids(Collection<TicketId> tickets) {
		return tickets.stream().map(TicketId::value).distinct().toList();
	}

	private Optional<Ticket> one(String sql, Map<String, ?> params) {
		return this.jdbc.sql(sql).params(params).query(SupportDesk::ticket).optional();
	}

	static Ticket ticket(ResultSet rs, int row) throws SQLException {
		long requester = rs.getLong("requester_contact_id");
		return new Ticket(new TicketId(rs.getLong("id")), new CustomerId(rs.getLong("customer_id")),
				rs.getString("source_system"), rs.getString("ticket_number"), rs.getString("subject"),
				rs.getString("description"), rs.getString("product_area"),
				TicketPriority.valueOf(rs.getString("priority")), TicketStatus.valueOf(rs.getString("status")),
				SqlTime.instant(rs, "opened_at"), SqlTime.instant(rs, "resolved_at"),
				SqlTime.instant(rs, "reopened_at"), rs.getInt("reopen_count"),
				(requester == 0) ? null : new ContactId(requester), rs.getBoolean("escalated"),
				rs.getString("escalated_to"), rs.getString("resolution_summary"), rs.getString("satisfaction_rating"),
				tags(rs.getArray("tags")));
	}

	private static List<String> tags(Array tags) throws SQLException {
		return (tags != null) ? Arrays.stream((Object[]) tags.getArray()).map(String::valueOf).toList() : List.of();
	}

}
