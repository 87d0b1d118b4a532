package io.aftercare.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.customer.CustomerNames;
import io.aftercare.EventListeners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@AftercareIntegrationTest
class DemoWorkspaceIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RestTestClient http;

	@Autowired
	DemoWorkspace workspace;

	@Autowired
	Clock clock;

	@Test
	void samSignsInAndSeesTechFlow() {
		assertThat(customerNames("sam", "demo")).contains("TechFlow", "Acme Corp", "Techline Systems");
	}

	@Test
	void alexSignsInAndDoesNotSeeSamsCustomers() {
		assertThat(customerNames("alex", "demo")).contains("Globex", "Initech", "Umbrella Health")
			.doesNotContain("TechFlow", "Acme Corp");
	}

	@Test
	void adminSignsInAndSeesMoreThanSam() {
		List<String> admin = customerNames("admin", "demo");
		assertThat(admin).hasSizeGreaterThan(customerNames("sam", "demo").size());
		// Other test classes add customers to the shared database: look each of alex's up
		// by name.
		for (String name : customerNames("alex", "demo")) {
			assertThat(this.http.get()
				.uri("/api/customers?query={name}", name)
				.headers((h) -> h.setBasicAuth("admin", "demo"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(List.class)
				.returnResult()
				.getResponseBody()).as(name).isNotEmpty();
		}
	}

	@Test
	void techFlowsTicketIsTheOneOfTheProductRequirement() {
		Map<String, Object> ticket = this.jdbc.sql("""
				select t.status, t.priority, t.escalated, t.escalated_to, t.opened_at, t.resolved_at,
				       t.resolution_summary, t.subject, r.name as requester
				from tickets t join customers c on c.id = t.customer_id
				left join contacts r on r.id = t.requester_contact_id
				where c.name = 'TechFlow' and t.ticket_number = 'TF-2024-0847'
				""").query().singleRow();
		assertThat(ticket).containsEntry("status", "SOLVED")
			.containsEntry("priority", "HIGH")
			.containsEntry("escalated", true)
			.containsEntry("escalated_to", "Engineering")
			.containsEntry("subject", "API rate limiting causing sync failures")
			.containsEntry("resolution_summary", "Rate limits increased 3x, optimization guide provided")
			.containsEntry("requester", "David Park");
		Instant opened = instant(ticket.get("opened_at"));
		Instant resolved = instant(ticket.get("resolved_at"));
		assertThat(Duration.between(opened, resolved)).isEqualTo(Duration.ofDays(4));
		assertThat(Duration.between(opened, this.clock.instant()).toDays()).isEqualTo(8);
		assertThat(this.jdbc.sql("""
				select count(*) from ticket_participants p join tickets t on t.id = p.ticket_id
				where t.ticket_number = 'TF-2024-0847' and p.side = 'CUSTOMER'
				""").query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void techFlowsHealthDroppedSixPointsWhileTheTicketWasOpen() {
		Map<String, Object> ticket = this.jdbc.sql("""
				select t.customer_id, t.opened_at, t.resolved_at from tickets t
				where t.ticket_number = 'TF-2024-0847'
				""").query().singleRow();
		int before = this.jdbc.sql("""
				select score from health_scores where customer_id = :customer and recorded_at < :opened
				order by recorded_at desc limit 1
				""")
			.param("customer", ticket.get("customer_id"))
			.param("opened", ticket.get("opened_at"))
			.query(Integer.class)
			.single();
		int lowestWhileOpen = this.jdbc.sql("""
				select min(score) from health_scores
				where customer_id = :customer and recorded_at between :opened and :resolved
				""")
			.param("customer", ticket.get("customer_id"))
			.param("opened", ticket.get("opened_at"))
			.param("resolved", ticket.get("resolved_at"))
			.query(Integer.class)
			.single();
		assertThat(before).isEqualTo(82);
		assertThat(before - lowestWhileOpen).isEqualTo(6);
		assertThat(this.jdbc.sql("""
				select count(*) from health_scores where customer_id = :customer and recorded_at >= :since
				""")
			.param("customer", ticket.get("customer_id"))
			.param("since", OffsetDateTime.now(this.clock).minusDays(92))
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(13);
	}

	@Test
	void theBookHasEnoughVarietyForEveryFollowUpLevel() {
		assertThat(count("select count(*) from customers where source_system = 'demo'")).isGreaterThanOrEqualTo(30);
		assertThat(count("select count(*) from customers where source_system = 'demo' and at_risk"))
			.isGreaterThanOrEqualTo(1);
		assertThat(count("select count(*) from tickets where source_system = 'demo' and status in "
				+ "('NEW', 'OPEN', 'PENDING', 'ON_HOLD')"))
			.isGreaterThanOrEqualTo(3);
		assertThat(count("select count(*) from tickets where source_system = 'demo' and reopen_count > 0"))
			.isGreaterThanOrEqualTo(1);
		assertThat(count("select count(distinct priority) from tickets where source_system = 'demo' "
				+ "and status in ('SOLVED', 'CLOSED')"))
			.isEqualTo(4);
		assertThat(count("select count(*) from ticket_comments where author_kind = 'CUSTOMER' "
				+ "and body like '%considering cancelling%'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from customers where source_system = 'demo' and owner_username = 'sam'"))
			.isEqualTo(16);
		assertThat(count("select count(*) from customers where source_system = 'demo' and owner_username = 'alex'"))
			.isEqualTo(15);
	}

	@Test
	void acmeHadThreeTicketsResolvedInTheLastMonth() {
		int resolved = this.jdbc.sql("""
				select count(*) from tickets t join customers c on c.id = t.customer_id
				where c.name = 'Acme Corp' and t.source_system = 'demo' and t.status in ('SOLVED', 'CLOSED')
				  and t.resolved_at >= :since
				""").param("since", OffsetDateTime.now(this.clock).minusDays(30)).query(Integer.class).single();
		assertThat(resolved).isEqualTo(3);
	}

	@Test
	void loadingAgainIntoTheFilledDatabaseAddsNothing() {
		List<Integer> before = rowCounts();
		assertThat(this.workspace.isDatabaseEmpty()).isFalse();
		assertThat(this.workspace.loadIntoEmptyDatabase()).isEmpty();
		assertThat(rowCounts()).isEqualTo(before);
	}

	private List<Integer> rowCounts() {
		return List.of("csm_users", "customers", "contacts", "health_scores", "tickets", "ticket_comments")
			.stream()
			.map((table) -> count("select count(*) from " + table))
			.toList();
	}

	/**
	 * The demo's tickets are history: announced as a backfill, which no listener takes
	 * for news, so the registry keeps no publication of them and the audit trail has no
	 * resolution of theirs.
	 */
	@Test
	void announcesItsResolvedTicketsAsABackfillThatNothingTreatsAsNews() {
		await().atMost(Duration.ofSeconds(10)).until(() -> EventListeners.stillRunning(this.jdbc) == 0);
		assertThat(count("""
				select count(*) from event_publication
				where event_type like '%.Ticket%' and serialized_event like '%"source":"demo"%'
				""")).as("publications of the demo's tickets").isZero();
		assertThat(count("""
				select count(*) from audit_log a join tickets t on a.subject_id = cast(t.id as varchar(64))
				where a.subject_type = 'ticket' and t.source_system = 'demo'
				""")).as("demo resolutions in the audit trail").isZero();
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	private List<String> customerNames(String username, String password) {
		return CustomerNames.of(this.http, username, password, "/api/customers?limit=200");
	}

	private static Instant instant(Object timestamp) {
		return (timestamp instanceof OffsetDateTime odt) ? odt.toInstant()
				: ((java.sql.Timestamp) timestamp).toInstant();
	}

}
