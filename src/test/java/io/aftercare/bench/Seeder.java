package io.aftercare.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Seeds the tables straight with set-based SQL ({@code generate_series}), one statement
 * per table, on one connection whose random generator is seeded: the same settings give
 * the same data on every run. Everything seeded carries {@code source_system = 'bench'}.
 * <p>
 * Distributions: customers spread evenly over the CSMs (the first ones to sam), tiers
 * mostly SMB and mid-market; tickets skewed towards a few large customers (the largest
 * has well over a thousand), opened over the last two years, about 92% resolved (SOLVED
 * in the last ten days, CLOSED before), resolution times exponential with a mean by
 * priority (a ticket whose resolution would fall in the future is still open); health
 * scores monthly for a year for every customer and weekly for two years for one in 33; a
 * tenth of the resolved tickets already followed up.
 */
final class Seeder {

	/** The bench users sign in with the demo password. */
	static final String PASSWORD = "demo";

	static final String ADMIN = "bench_admin";

	private final BenchSettings settings;

	private final List<SeedStep> steps = new ArrayList<>();

	Seeder(BenchSettings settings) {
		this.settings = settings;
	}

	List<SeedStep> seed(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			jdbc.sql("select setseed(0.42)").query(Object.class).single();
			seedPeople(jdbc);
			seedTickets(jdbc);
			seedFollowUps(jdbc);
			timed("vacuum analyze, checkpoint", () -> vacuumAndCheckpoint(connection));
		}
		return List.copyOf(this.steps);
	}

	private void seedPeople(JdbcClient jdbc) {
		// A cheap bcrypt cost (4) keeps the per-request HTTP Basic check out of the
		// figures; the "as sam" phase shows what the default cost (10) adds.
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
		timed("csm_users",
				() -> jdbc.sql(CSM_USERS)
					.param("hash", hash)
					.param("csms", this.settings.csms())
					.param("admin", ADMIN)
					.update());
		timed("customers",
				() -> jdbc.sql(CUSTOMERS)
					.param("customers", this.settings.customers())
					.param("sam", this.settings.samCustomers())
					.param("csms", this.settings.csms())
					.update());
		timed("contacts", () -> jdbc.sql(CONTACTS).update());
		timed("health_scores (monthly, all)", () -> jdbc.sql(HEALTH_MONTHLY).update());
		timed("health_scores (weekly, 1 in 33)", () -> jdbc.sql(HEALTH_WEEKLY).update());
	}

	private void seedTickets(JdbcClient jdbc) {
		long first = jdbc.sql("select min(id) from customers where source_system = 'bench'").query(Long.class).single();
		timed("tickets",
				() -> jdbc.sql(TICKETS)
					.param("first", first)
					.param("customers", this.settings.customers())
					.param("tickets", this.settings.tickets())
					.update());
		timed("ticket_tags", () -> jdbc.sql(TAGS).update());
		timed("ticket_participants", () -> jdbc.sql(PARTICIPANTS).update());
		timed("ticket_comments",
				() -> jdbc.sql(COMMENTS).param("perTicket", this.settings.commentsPerTicket()).update());
	}

	private void seedFollowUps(JdbcClient jdbc) {
		timed("support_followups (sent)", () -> jdbc.sql(FOLLOW_UPS).update());
		timed("reminders", () -> jdbc.sql(REMINDERS).update());
	}

	private static int vacuumAndCheckpoint(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("vacuum analyze");
			statement.execute("checkpoint");
			return 0;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void timed(String name, Supplier<Integer> statement) {
		long started = System.nanoTime();
		int rows = statement.get();
		SeedStep step = new SeedStep(name, rows, Duration.ofNanos(System.nanoTime() - started));
		this.steps.add(step);
		System.out.println("  seeded " + step.row());
	}

	private static final String CSM_USERS = """
			insert into csm_users (username, display_name, email, phone, password_hash, role, enabled, created_at)
			select 'csm' || lpad(g::text, 3, '0'), 'Bench CSM ' || lpad(g::text, 3, '0'),
			       'csm' || lpad(g::text, 3, '0') || '@aftercare.bench', '+1 (555) 01' || lpad(g::text, 3, '0'),
			       :hash, 'CSM', true, now()
			from generate_series(1, :csms) g
			union all
			select :admin, 'Bench Admin', 'bench_admin@aftercare.bench', null, :hash, 'ADMIN', true, now()
			""";

	private static final String CUSTOMERS = """
			insert into customers (source_system, external_id, name, tier, arr, employees, renewal_date,
			    owner_username, at_risk, created_at, updated_at)
			select 'bench', 'cust-' || s.g,
			       (array['North', 'Blue', 'Bright', 'Swift', 'Silver', 'Green', 'Red', 'Iron', 'Clear', 'Open',
			              'Peak', 'True', 'Stone', 'Sky', 'Sun', 'River', 'Cloud', 'Data', 'Tech', 'Smart', 'Quantum',
			              'Pixel', 'Hyper', 'Nova', 'Terra', 'Alpha', 'Summit', 'Cedar', 'Maple', 'Harbor'])[1 + floor(s.r1 * 30)::int]
			       || (array['wind', 'field', 'path', 'stack', 'works', 'flow', 'point', 'line', 'grid', 'forge',
			                 'wave', 'leaf', 'bridge', 'port', 'gate', 'shift', 'base', 'scale', 'core', 'spring', 'mark',
			                 'view', 'craft', 'light', 'logic'])[1 + floor(s.r2 * 25)::int]
			       || ' ' || (array['Labs', 'Systems', 'Analytics', 'Logistics', 'Health', 'Retail', 'Media', 'Energy',
			                        'Finance', 'Software', 'Foods', 'Travel', 'Robotics', 'Security', 'Studios', 'Group',
			                        'Partners', 'Networks', 'Cloud', 'Bank'])[1 + floor(s.r3 * 20)::int]
			       || ' ' || s.g,
			       t.tier,
			       round(case t.tier when 'SMB' then 5000 + s.r4 * 25000 when 'MID_MARKET' then 30000 + s.r4 * 90000
			                         when 'ENTERPRISE' then 120000 + s.r4 * 380000 else 500000 + s.r4 * 1500000 end::numeric, 2),
			       case t.tier when 'SMB' then 10 + floor(s.r4 * 190) when 'MID_MARKET' then 200 + floor(s.r4 * 800)
			                   when 'ENTERPRISE' then 1000 + floor(s.r4 * 9000) else 10000 + floor(s.r4 * 90000) end,
			       current_date + floor(s.r5 * 365)::int,
			       case when s.g <= :sam then 'sam' else 'csm' || lpad((1 + mod(s.g, :csms))::text, 3, '0') end,
			       s.r6 < 0.07, now() - interval '3 years', now()
			from (select g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7
			      from generate_series(1, :customers) g) s
			cross join lateral (select case when s.r7 < 0.5 then 'SMB' when s.r7 < 0.8 then 'MID_MARKET'
			                                when s.r7 < 0.95 then 'ENTERPRISE' else 'STRATEGIC' end as tier) t
			order by s.g
			""";

	private static final String CONTACTS = """
			insert into contacts (customer_id, source_system, external_id, name, email, email_domain, role, is_primary,
			    time_zone, created_at, updated_at)
			select s.id, 'bench', 'contact-' || s.id || '-' || s.k, n.first || ' ' || n.last,
			       lower(n.first || '.' || n.last) || '@customer' || s.id || '.example', 'customer' || s.id || '.example',
			       (array['Head of Operations', 'IT Director', 'Engineering Manager', 'VP Customer Experience',
			              'Finance Lead'])[1 + mod(s.id + s.k, 5)::int],
			       s.k = 1,
			       (array['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin',
			              'Asia/Singapore'])[1 + mod(s.id, 6)::int],
			       now() - interval '3 years', now()
			from (select c.id, k, random() rf, random() rl
			      from customers c cross join generate_series(1, 3) k where c.source_system = 'bench') s
			cross join lateral (
			    select (array['Ava', 'Ben', 'Chloe', 'David', 'Emma', 'Felix', 'Grace', 'Hugo', 'Isla', 'Jonas', 'Kara',
			                  'Liam', 'Maya', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Yuki'])[1 + floor(s.rf * 20)::int] as first,
			           (array['Adams', 'Brown', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen',
			                  'Kim', 'Lopez', 'Martin', 'Novak', 'Okafor', 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Weber'])[1 + floor(s.rl * 20)::int] as last) n
			""";

	private static final String HEALTH_MONTHLY = """
			insert into health_scores (customer_id, score, recorded_at, source)
			select s.id, greatest(0, least(100, s.base + floor(s.r * 11)::int - 5 - case when s.at_risk then 15 else 0 end)),
			       date_trunc('day', now()) - s.m * interval '30 days', 'gainsight'
			from (select c.id, c.at_risk, 45 + mod(c.id * 37, 50)::int as base, m, random() r
			      from customers c cross join generate_series(0, 11) m where c.source_system = 'bench') s
			""";

	private static final String HEALTH_WEEKLY = """
			insert into health_scores (customer_id, score, recorded_at, source)
			select s.id, greatest(0, least(100, s.base + floor(s.r * 21)::int - 10)),
			       date_trunc('day', now()) - s.w * interval '7 days' - interval '12 hours', 'usage'
			from (select c.id, 45 + mod(c.id * 37, 50)::int as base, w, random() r
			      from customers c cross join generate_series(0, 103) w
			      where c.source_system = 'bench' and mod(c.id, 33) = 0) s
			""";

	/**
	 * A million tickets. The customer index is skewed ({@code random()^1.8}, so low
	 * indexes get many more) and then scattered over all books by a multiplication modulo
	 * the customer count.
	 */
	private static final String TICKETS = """
			insert into tickets (customer_id, source_system, external_id, ticket_number, subject, description,
			    product_area, priority, status, opened_at, resolved_at, reopened_at, reopen_count,
			    requester_contact_id, escalated, escalated_to, resolution_summary, satisfaction_rating,
			    created_at, updated_at)
			select r.customer_id, 'bench', 'tk-' || r.g, 'BN-' || (100000 + r.g),
			       (array['Sync failures after update', 'Cannot export report', 'Invoice shows wrong amount',
			              'SSO login loop', 'Webhook deliveries delayed', 'Dashboard loads slowly',
			              'API rate limit errors', 'Mobile app crashes on start', 'Missing notifications',
			              'Data import stuck', 'Permission denied for admins',
			              'Duplicate records after import'])[1 + floor(r.r_subject * 12)::int],
			       'Reported by the customer through the support portal.',
			       (array['API', 'Billing', 'Integrations', 'SSO', 'Reporting', 'Mobile', 'Notifications',
			              'Data Import', 'Permissions', 'Performance'])[1 + floor(r.r_area * 10)::int],
			       d.priority,
			       case when v.resolved_at is null then (array['NEW', 'OPEN', 'OPEN', 'PENDING', 'ON_HOLD'])[1 + floor(r.r_misc * 5)::int]
			            when v.resolved_at >= now() - interval '10 days' then 'SOLVED' else 'CLOSED' end,
			       o.opened_at, v.resolved_at,
			       case when d.reopens > 0 then o.opened_at + (coalesce(v.resolved_at, now()) - o.opened_at) / 2 end,
			       d.reopens, ct.id, d.escalated, case when d.escalated then 'Engineering' end,
			       case when v.resolved_at is not null then (array['Configuration corrected', 'Bug fixed in release 4.2',
			                                        'Rate limits increased 3x', 'Cache cleared and data resynced',
			                                        'Workaround documented', 'Permissions reset'])[1 + floor(r.r_subject * 6)::int] end,
			       case when v.resolved_at is not null and r.r_misc >= 0.1 and r.r_misc < 0.6 then 'good'
			            when v.resolved_at is not null and r.r_misc >= 0.6 and r.r_misc < 0.65 then 'bad' end,
			       o.opened_at, coalesce(v.resolved_at, o.opened_at)
			from (select g, :first + mod(floor(power(random(), 1.8) * :customers)::bigint * 7919, :customers) as customer_id,
			             random() r_subject, random() r_area, random() r_pri, random() r_status, random() r_age,
			             random() r_res, random() r_esc, random() r_misc
			      from generate_series(1, :tickets) g) r
			cross join lateral (
			    select case when r.r_pri < 0.2 then 'LOW' when r.r_pri < 0.75 then 'NORMAL'
			                when r.r_pri < 0.95 then 'HIGH' else 'URGENT' end as priority,
			           r.r_status < 0.92 as gets_resolved,
			           (r.r_pri >= 0.75 and r.r_esc < 0.3) or r.r_esc < 0.03 as escalated,
			           case when r.r_misc < 0.01 then 2 when r.r_misc < 0.05 then 1 else 0 end as reopens) d
			cross join lateral (
			    select now() - (case when d.gets_resolved then r.r_age * 730 else r.r_age * 45 end) * interval '1 day'
			           as opened_at) o
			cross join lateral (
			    select o.opened_at + -ln(1 - r.r_res) * (case d.priority when 'URGENT' then 8 when 'HIGH' then 30
			                                              when 'NORMAL' then 60 else 120 end) * interval '1 hour'
			           as solved_at) e
			cross join lateral (
			    -- A ticket whose fix would fall in the future is still open today.
			    select case when d.gets_resolved and e.solved_at < now() then e.solved_at end as resolved_at) v
			join contacts ct on ct.customer_id = r.customer_id and ct.is_primary
			""";

	private static final String TAGS = """
			insert into ticket_tags (ticket_id, tag)
			select id, lower(replace(product_area, ' ', '-')) from tickets where source_system = 'bench' and mod(id, 2) = 0
			union all
			select id, 'escalated' from tickets where source_system = 'bench' and escalated
			""";

	private static final String PARTICIPANTS = """
			insert into ticket_participants (ticket_id, position, name, email, side, role)
			select t.id, 0, c.name, c.email, 'CUSTOMER', 'Requester'
			from tickets t join contacts c on c.id = t.requester_contact_id
			where t.source_system = 'bench' and mod(t.id, 4) = 0
			union all
			select t.id, 1, 'Support Engineer ' || mod(t.id, 40), 'engineer' || mod(t.id, 40) || '@aftercare.bench',
			       'VENDOR', 'Escalation engineer'
			from tickets t where t.source_system = 'bench' and t.escalated
			union all
			select t.id, 2, c.name, c.email, 'CUSTOMER', 'Stakeholder'
			from tickets t join contacts c on c.customer_id = t.customer_id and c.external_id like '%-2'
			where t.source_system = 'bench' and t.escalated and t.priority = 'URGENT'
			""";

	private static final String COMMENTS = """
			insert into ticket_comments (ticket_id, external_id, author_kind, author_name, is_public, body, created_at)
			select s.id, 'c' || s.k, case when mod(s.k, 2) = 1 then 'CUSTOMER' else 'AGENT' end,
			       case when mod(s.k, 2) = 1 then 'Customer' else 'Support' end, true,
			       case when mod(s.k, 2) = 1
			            then (array['Our sync jobs fail since this morning.',
			                        'This is still not working and we are losing orders.',
			                        'Thanks, that fixed it!', 'Can you look into this please?',
			                        'This is unacceptable, we are looking at other vendors.',
			                        'It is blocking our whole team today.', 'Thank you for the quick help.',
			                        'Any update on this?'])[1 + floor(s.r * 8)::int]
			            else (array['Thanks for reporting this, we are looking into it.',
			                        'We deployed a fix, could you check on your side?', 'Escalated to engineering.',
			                        'Could you send us the request ids?',
			                        'Closing this ticket as solved.'])[1 + floor(s.r * 5)::int] end,
			       s.opened_at + (s.k - 1) * interval '3 hours'
			from (select t.id, t.opened_at, k, random() r
			      from tickets t cross join generate_series(1, :perTicket) k where t.source_system = 'bench') s
			""";

	private static final String FOLLOW_UPS = """
			insert into support_followups (customer_id, ticket_id, level, assessed_level, reasons, offers, status,
			    to_name, to_email, generated_subject, generated_body, content_version, approved_version, approved_by,
			    approved_at, send_requested_at, sent_at, message_id, delivery_status, response_status, created_by,
			    created_at, updated_at, version)
			select t.customer_id, t.id, 'MODERATE', 'MODERATE', 'Seeded for the load run', '', 'SENT', c.name, c.email,
			       'Checking in after ' || t.ticket_number, 'Hi, checking in after your ticket.', 1, 1,
			       cu.owner_username, t.resolved_at + interval '1 day', t.resolved_at + interval '1 day',
			       t.resolved_at + interval '1 day', '<bench.' || t.id || '@mail.aftercare.local>', 'SENT', 'AWAITING',
			       cu.owner_username, t.resolved_at + interval '1 day', t.resolved_at + interval '1 day', 3
			from tickets t join contacts c on c.id = t.requester_contact_id join customers cu on cu.id = t.customer_id
			where t.source_system = 'bench' and t.status in ('SOLVED', 'CLOSED') and mod(t.id, 10) = 0
			""";

	// Reminders already due were fired when they fell due, as in a database in service:
	// otherwise the app fires some 20,000 of them during the phases, in batches that take
	// CPU at moments no phase controls.
	private static final String REMINDERS = """
			insert into reminders (owner_username, customer_id, followup_id, due_at, note, origin, status, created_by,
			    created_at, completed_at, fired_at)
			select s.owner_username, s.id, null, s.due_at, 'Check in with ' || s.name,
			       'MANUAL', case when s.r2 < 0.4 then 'OPEN' else 'DONE' end, s.owner_username,
			       now() - interval '45 days', case when s.r2 >= 0.4 then now() - interval '1 day' end,
			       case when s.due_at <= now() then s.due_at end
			from (select c.id, c.name, c.owner_username, now() + (random() * 60 - 30) * interval '1 day' as due_at,
			             random() r2
			      from customers c where c.source_system = 'bench') s
			""";

}
