package io.aftercare.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs {@code EXPLAIN (ANALYZE, BUFFERS)} on the main queries of the endpoints under
 * load, copied from the app's classes, with parameters taken from the seeded data: the
 * largest customer (most tickets) and its CSM, a typical customer of the same book, the
 * largest customer's latest resolved ticket.
 */
final class QueryPlans {

	private final JdbcClient jdbc;

	QueryPlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<QueryPlan> explain() {
		Sample s = Sample.pick(this.jdbc);
		Instant now = Instant.now();
		String largest = "largest customer (%,d tickets)".formatted(s.largestTickets());
		OffsetDateTime last90 = utc(now.minus(Duration.ofDays(90)));
		OffsetDateTime last30 = utc(now.minus(Duration.ofDays(30)));
		OffsetDateTime resolved = utc(s.resolvedAt());
		String book = s.csm() + "'s book";
		return List.of(
				plan("CustomerBook.find", largest + ", its CSM", CUSTOMER_FIND,
						Map.of("id", s.largest(), "owner", s.csm())),
				plan("CustomerBook.search", book + ", '" + s.namePart() + "'", SEARCH_BOOK,
						search(s.csm(), s.namePart())),
				plan("CustomerBook.search", "admin, '" + s.namePart() + "', names that start with it", SEARCH_STARTING,
						search(null, s.namePart())),
				plan("CustomerBook.search", "admin, '" + s.exactName() + "', the others", SEARCH_OTHERS,
						search(null, s.exactName())),
				plan("SupportDesk.recent", largest + ", SOLVED/CLOSED, 90 days, 20", RECENT,
						Map.of("customer", s.largest(), "since", last90, "statuses", List.of("SOLVED", "CLOSED"),
								"limit", 20)),
				plan("SupportDesk.recent", "typical customer, SOLVED/CLOSED, 90 days, 20", RECENT,
						Map.of("customer", s.typical(), "since", last90, "statuses", List.of("SOLVED", "CLOSED"),
								"limit", 20)),
				plan("SupportDesk.resolvedBetween", largest + ", 90 days", RESOLVED_BETWEEN,
						Map.of("customer", s.largest(), "from", last90, "to", utc(now))),
				plan("SupportDesk.activeBetween", largest + ", 30 days before its latest resolution", ACTIVE_BETWEEN,
						Map.of("customer", s.largest(), "from", resolved.minusDays(30), "to", resolved)),
				plan("SupportDesk.comments", "latest resolved ticket", COMMENTS, Map.of("id", s.ticket())),
				plan("SupportDesk tags", "20 tickets of the " + largest, TAGS, Map.of("ids", s.recentTicketIds())),
				plan("CustomerBook.healthHistory", largest + ", 2 years", HEALTH_HISTORY,
						Map.of("customer", s.largest(), "from", utc(now.minus(Duration.ofDays(730))), "to", utc(now))),
				plan("CustomerBook.healthAt", largest + ", before the ticket", HEALTH_AT,
						Map.of("customer", s.largest(), "at", resolved.minusDays(3))),
				plan("FollowUps.openForTicket", "latest resolved ticket", OPEN_FOR_TICKET,
						Map.of("ticket", s.ticket())),
				plan("FollowUps.awaiting", book + ", 30 days, 12", AWAITING, awaiting(s.csm(), last30)),
				plan("FollowUps.awaiting", "admin (all books), 30 days, 12", AWAITING, awaiting(null, last30)),
				plan("ReminderBook.list", book + ", OPEN, 100", REMINDERS, reminders(s.csm())),
				plan("ReminderBook.list", "admin (all books), OPEN, 100", REMINDERS, reminders(null)));
	}

	/**
	 * The plan of the second of two runs, so that plans compare on a warm cache rather
	 * than on whatever the previous query left in it.
	 */
	private QueryPlan plan(String name, String parameters, String sql, Map<String, ?> values) {
		explainAnalyze(sql, values);
		return new QueryPlan(name, parameters, explainAnalyze(sql, values));
	}

	private List<String> explainAnalyze(String sql, Map<String, ?> values) {
		return this.jdbc.sql("explain (analyze, buffers) " + sql)
			.params(values)
			.query((rs, i) -> rs.getString(1))
			.list();
	}

	private static Map<String, Object> search(String owner, String query) {
		String compact = query.strip().toLowerCase(Locale.ROOT).replace(" ", "");
		Map<String, Object> values = new HashMap<>();
		values.put("owner", owner);
		values.put("query", compact);
		values.put("pattern", "%" + compact + "%");
		values.put("prefix", compact + "%");
		values.put("limit", 50);
		values.put("offset", 0);
		return values;
	}

	private static Map<String, Object> awaiting(String owner, OffsetDateTime since) {
		Map<String, Object> values = new HashMap<>();
		values.put("owner", owner);
		values.put("since", since);
		values.put("limit", 12);
		return values;
	}

	private static Map<String, Object> reminders(String owner) {
		Map<String, Object> values = new HashMap<>();
		values.put("owner", owner);
		values.put("status", "OPEN");
		values.put("dueBefore", null);
		values.put("limit", 100);
		return values;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** The parameters, picked from the seeded data. */
	record Sample(String csm, long largest, long largestTickets, long typical, long ticket, Instant resolvedAt,
			List<Long> recentTicketIds, String namePart, String exactName) {

		static Sample pick(JdbcClient jdbc) {
			Map<String, Object> largest = jdbc.sql("""
					select t.customer_id, c.owner_username, c.name, count(*) as tickets
					from tickets t join customers c on c.id = t.customer_id
					where c.source_system = 'bench'
					group by t.customer_id, c.owner_username, c.name order by tickets desc limit 1
					""").query().singleRow();
			long id = ((Number) largest.get("customer_id")).longValue();
			String csm = (String) largest.get("owner_username");
			long typical = jdbc.sql("""
					select c.id from customers c join tickets t on t.customer_id = c.id
					where c.owner_username = :csm group by c.id order by abs(count(*) - 10), c.id limit 1
					""").param("csm", csm).query(Long.class).single();
			LatestResolved ticket = jdbc.sql("""
					select id, resolved_at from tickets where customer_id = :id and status in ('SOLVED', 'CLOSED')
					order by resolved_at desc limit 1
					""")
				.param("id", id)
				.query((rs, i) -> new LatestResolved(rs.getLong("id"),
						rs.getObject("resolved_at", OffsetDateTime.class).toInstant()))
				.single();
			List<Long> recentIds = jdbc
				.sql("select id from tickets where customer_id = :id order by opened_at desc limit 20")
				.param("id", id)
				.query(Long.class)
				.list();
			String name = (String) largest.get("name");
			String firstWord = name.split(" ")[0].toLowerCase(Locale.ROOT);
			return new Sample(csm, id, ((Number) largest.get("tickets")).longValue(), typical, ticket.id(),
					ticket.resolvedAt(), recentIds, firstWord.substring(0, Math.min(6, firstWord.length())),
					name.toLowerCase(Locale.ROOT));
		}

	}

	private record LatestResolved(long id, Instant resolvedAt) {
	}

	// The queries below are copied from the app; keep them in step when those change.

	/** {@code CustomerBook.find}, with its correlated health subquery. */
	private static final String CUSTOMER_FIND = """
			select c.id, c.name, c.tier, c.arr, c.employees, c.renewal_date, c.owner_username, c.at_risk,
			(select h.score from health_scores h where h.customer_id = c.id
			 order by h.recorded_at desc limit 1) as health_score
			from customers c
			where c.id = :id and (cast(:owner as varchar) is null or c.owner_username = :owner)
			""";

	private static final String SEARCH_COLUMNS = """
			select c.id, c.name, c.tier, c.arr, c.employees, c.renewal_date, c.owner_username, c.at_risk,
			(select h.score from health_scores h where h.customer_id = c.id
			 order by h.recorded_at desc limit 1) as health_score
			""";

	private static final String SEARCH_PAGE = " order by c.name, c.id limit :limit offset :offset";

	/**
	 * {@code CustomerBook.search} in a CSM's book: one statement, the matches found in
	 * the index of owner and name, the names that start with the query first.
	 */
	private static final String SEARCH_BOOK = SEARCH_COLUMNS + """
			from customers c where c.id in (select b.id from customers b where b.owner_username = :owner
			  and position(:query in b.search_name) > 0)
			order by case when position(:query in c.search_name) = 1 then 0 else 1 end,
			         case when position(:query in c.search_name) = 1 then c.search_name end, c.name, c.id
			limit :limit offset :offset
			""";

	/**
	 * Its first statement across all customers (an admin's): the names that start with
	 * it, a page of the search name's index in its order.
	 */
	private static final String SEARCH_STARTING = SEARCH_COLUMNS + """
			from customers c where c.search_name like :prefix escape '\\'
			order by c.search_name, c.id limit :limit offset :offset
			""";

	/** Its second: the names that contain the query further in. */
	private static final String SEARCH_OTHERS = SEARCH_COLUMNS + """
			from (select * from customers c
			  where replace(lower(c.name), ' ', '') like :pattern escape '\\'
			  and not c.search_name like :prefix escape '\\' offset 0 rows) c
			""" + SEARCH_PAGE;

	private static final String TICKET_COLUMNS = """
			id, customer_id, source_system, ticket_number, subject, description, product_area, priority, status,
			opened_at, resolved_at, reopened_at, reopen_count, requester_contact_id, escalated, escalated_to,
			resolution_summary, satisfaction_rating
			""";

	/** {@code SupportDesk.recent} with a status filter, as the endpoint builds it. */
	private static final String RECENT = "select " + TICKET_COLUMNS + """
			from tickets where customer_id = :customer and (opened_at >= :since or resolved_at >= :since)
			 and status in (:statuses) order by coalesce(resolved_at, opened_at) desc, id desc limit :limit
			""";

	private static final String RESOLVED_BETWEEN = "select " + TICKET_COLUMNS + """
			from tickets where customer_id = :customer and status in ('SOLVED', 'CLOSED')
			  and resolved_at between :from and :to
			order by resolved_at desc, id desc
			""";

	private static final String ACTIVE_BETWEEN = "select " + TICKET_COLUMNS + """
			from tickets where customer_id = :customer and opened_at <= :to
			  and (resolved_at is null or resolved_at >= :from)
			order by opened_at desc, id desc limit 200
			""";

	private static final String COMMENTS = """
			select external_id, author_kind, author_name, is_public, body, created_at from ticket_comments
			where ticket_id = :id order by created_at, id
			""";

	/** {@code SupportDesk.withTags}. */
	private static final String TAGS = "select ticket_id, tag from ticket_tags where ticket_id in (:ids) order by tag";

	private static final String HEALTH_HISTORY = """
			select score, recorded_at, source from health_scores
			where customer_id = :customer and recorded_at between :from and :to
			order by recorded_at
			""";

	private static final String HEALTH_AT = """
			select score, recorded_at, source from health_scores
			where customer_id = :customer and recorded_at <= :at
			order by recorded_at desc limit 1
			""";

	private static final String OPEN_FOR_TICKET = """
			select * from support_followups where ticket_id = :ticket and status in ('DRAFT', 'APPROVED', 'FAILED')
			order by created_at desc, id desc limit 1
			""";

	private static final String AWAITING = """
			select c.id as customer_id, c.name, t.id as ticket_id, t.ticket_number, t.subject, t.priority, t.resolved_at
			from tickets t join customers c on c.id = t.customer_id
			where (cast(:owner as varchar) is null or c.owner_username = :owner)
			  and t.status in ('SOLVED', 'CLOSED') and t.resolved_at >= :since
			  and not exists (select 1 from support_followups f where f.ticket_id = t.id and f.status <> 'DISCARDED')
			order by t.resolved_at desc, t.id desc limit :limit
			""";

	private static final String REMINDERS = """
			select id, owner_username, customer_id, followup_id, due_at, note, origin, status, created_by, created_at,
			completed_at
			from reminders
			where (cast(:owner as varchar) is null or owner_username = :owner)
			  and (cast(:status as varchar) is null or status = :status)
			  and (cast(:dueBefore as timestamp with time zone) is null or due_at <= :dueBefore)
			order by due_at, id limit :limit
			""";

}
