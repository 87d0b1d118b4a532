package io.aftercare.followup;

import java.util.List;
import java.util.Map;

import io.aftercare.AftercareIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each CSM sees only their own book, and bad input gets a clear problem detail, through
 * the real HTTP API and database.
 */
@AftercareIntegrationTest
class FollowUpAccessIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	private long techflow() {
		return this.jdbc.sql("select id from customers where name = 'TechFlow'").query(Long.class).single();
	}

	@Test
	void anotherCsmsCustomerIsNotFound() {
		long techflow = techflow();
		this.http.get()
			.uri("/api/customers/{id}", techflow)
			.headers((h) -> h.setBasicAuth("alex", "demo"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.get()
			.uri("/api/customers/{id}/recent-tickets", techflow)
			.headers((h) -> h.setBasicAuth("alex", "demo"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.post()
			.uri("/api/customers/{id}/ticket-followup", techflow)
			.headers((h) -> h.setBasicAuth("alex", "demo"))
			.exchange()
			.expectStatus()
			.isNotFound();
		List<?> found = this.http.get()
			.uri("/api/customers?query=techflow")
			.headers((h) -> h.setBasicAuth("alex", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(found).isEmpty();
	}

	@Test
	void anotherCsmsFollowUpIsNotFoundAndCannotBeApprovedOrSent() {
		Map<?, ?> draft = this.http.post()
			.uri("/api/customers/{id}/ticket-followup", techflow())
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ticketNumber", "#TF-2024-0847", "level", "MODERATE"))
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		long id = ((Number) draft.get("id")).longValue();
		for (String action : List.of("approve", "send")) {
			this.http.post()
				.uri("/api/followups/{id}/" + action, id)
				.headers((h) -> h.setBasicAuth("alex", "demo"))
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		this.http.get()
			.uri("/api/followups/{id}", id)
			.headers((h) -> h.setBasicAuth("admin", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DRAFT");
		this.http.post()
			.uri("/api/followups/{id}/discard", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aCsmCannotUseTheIngestionApi() {
		this.http.post()
			.uri("/api/ingest/customers")
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("source", "test", "externalId", "x", "name", "Sneaky", "tier", "SMB"))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(this.jdbc.sql("select count(*) from customers where name = 'Sneaky'").query(Long.class).single())
			.isZero();
	}

	@Test
	void anOpenTicketGetsAConflictNotADraft() {
		Map<String, Object> open = this.jdbc
			.sql("""
					select t.customer_id, t.ticket_number, c.owner_username from tickets t join customers c on c.id = t.customer_id
					where t.status in ('OPEN', 'PENDING', 'NEW') and c.owner_username is not null
					order by t.id limit 1
					""")
			.query()
			.singleRow();
		long before = this.jdbc.sql("select count(*) from support_followups").query(Long.class).single();
		this.http.post()
			.uri("/api/customers/{id}/ticket-followup", open.get("customer_id"))
			.headers((h) -> h.setBasicAuth((String) open.get("owner_username"), "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ticketNumber", open.get("ticket_number")))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.value(String.class, (type) -> assertThat(type).endsWith("/ticket-not-resolved"))
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("not resolved"));
		assertThat(this.jdbc.sql("select count(*) from support_followups").query(Long.class).single())
			.isEqualTo(before);
	}

	@Test
	void unknownIdsAreNotFound() {
		this.http.get()
			.uri("/api/followups/999999")
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
		this.http.post()
			.uri("/api/customers/{id}/ticket-followup", techflow())
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ticketNumber", "NO-SUCH-1"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("NO-SUCH-1"));
	}

	@Test
	void malformedJsonIsABadRequestProblem() {
		this.http.post()
			.uri("/api/customers/{id}/ticket-followup", techflow())
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"ticketNumber\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.post()
			.uri("/api/customers/{id}/ticket-followup", techflow())
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("level", "HUGE"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.http.get()
			.uri("/api/customers/abc/recent-tickets")
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.http.get()
			.uri("/api/customers/{id}/recent-tickets?limit=0", techflow())
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void recentTicketsAreNewestFirstAndFiltered() {
		List<?> tickets = recentTickets("days=365&limit=50");
		assertThat(tickets).isNotEmpty();
		List<String> activity = tickets.stream()
			.map((t) -> (Map<?, ?>) t)
			.map((t) -> (String) ((t.get("resolvedAt") != null) ? t.get("resolvedAt") : t.get("openedAt")))
			.toList();
		assertThat(activity).isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse).reversed());
		assertThat(recentTickets("status=OPEN&days=365"))
			.allSatisfy((t) -> assertThat(((Map<?, ?>) t).get("status")).isEqualTo("OPEN"));
		assertThat(recentTickets("limit=1&days=365")).hasSize(1);
	}

	private List<?> recentTickets(String query) {
		return this.http.get()
			.uri("/api/customers/" + techflow() + "/recent-tickets?" + query)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
	}

}
