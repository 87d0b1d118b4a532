package io.aftercare.followup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.aftercare.AftercareIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PRD's whole story through the HTTP API and the database: TechFlow's resolved API
 * ticket, from context to an approved, sent follow-up with its reminder.
 */
@AftercareIntegrationTest
class FollowUpFlowIntegrationTests {

	@Autowired
	RestTestClient http;

	@Test
	void followsUpOnTechFlowsResolvedTicketFromContextToSentEmail() throws IOException {
		long techflow = customerId("sam", "techflow");

		this.http.get()
			.uri("/api/customers/{id}/recent-tickets?status=SOLVED,CLOSED", techflow)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.number == 'TF-2024-0847')].subject")
			.isEqualTo(List.of("API rate limiting causing sync failures"))
			.jsonPath("$[?(@.number == 'TF-2024-0847')].severity")
			.isEqualTo(List.of("High"));

		Map<?, ?> draft = this.http.post()
			.uri("/api/customers/{id}/ticket-followup", techflow)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ticketNumber", "TF-2024-0847"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		long id = ((Number) draft.get("id")).longValue();
		this.http.get()
			.uri("/api/followups/{id}", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DRAFT")
			.jsonPath("$.level")
			.isEqualTo("MAJOR")
			.jsonPath("$.ticket.number")
			.isEqualTo("TF-2024-0847")
			.jsonPath("$.ticket.severity")
			.isEqualTo("High")
			.jsonPath("$.ticket.duration")
			.value(String.class, (d) -> assertThat(d).startsWith("4 days (opened "))
			.jsonPath("$.ticket.resolution")
			.isEqualTo("Rate limits increased 3x, optimization guide provided")
			.jsonPath("$.impact.healthDrop")
			.isEqualTo(6)
			.jsonPath("$.impact.escalated")
			.isEqualTo(true)
			.jsonPath("$.impact.summary[0]")
			.isEqualTo("Health Score: Dropped 6 points during issue")
			.jsonPath("$.draft.to.name")
			.value(String.class, (n) -> assertThat(n).startsWith("David"))
			.jsonPath("$.draft.subject")
			.isEqualTo("Checking In After Your API Issue - All Good?")
			.jsonPath("$.draft.textBody")
			.value(String.class,
					(body) -> assertThat(body).startsWith("Hi David,")
						.contains("TF-2024-0847", "Rate limits increased 3x", "Sam Rivera", "+1 (415) 555-0142"))
			.jsonPath("$.draft.htmlBody")
			.value(String.class, (html) -> assertThat(html).contains("<li ", "TF-2024-0847"))
			.jsonPath("$.suggestedReminders[0].note")
			.isEqualTo("Check API metrics")
			.jsonPath("$.suggestedReminders[0].inDays")
			.isEqualTo(7);

		send(id).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.value(String.class, (type) -> assertThat(type).endsWith("/not-approved"));

		this.http.patch()
			.uri("/api/followups/{id}", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("subject", "Checking in after your API issue", "body",
					"Hi David,\n\nIs everything working smoothly since ticket #TF-2024-0847 was fixed?\n\nBest,\nSam"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.draft.edited")
			.isEqualTo(true)
			.jsonPath("$.draft.contentVersion")
			.isEqualTo(2)
			.jsonPath("$.draft.generated.subject")
			.isEqualTo("Checking In After Your API Issue - All Good?");

		approve(id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("APPROVED")
			.jsonPath("$.approval.approvedBy")
			.isEqualTo("sam")
			.jsonPath("$.reminders[0].note")
			.isEqualTo("Check API metrics")
			.jsonPath("$.reminders[0].origin")
			.isEqualTo("SUGGESTED")
			.jsonPath("$.reminders[0].dueAt")
			.value(String.class,
					(due) -> assertThat(Instant.parse(due)).isBetween(
							Instant.now().plus(7, ChronoUnit.DAYS).minusSeconds(600),
							Instant.now().plus(7, ChronoUnit.DAYS)));

		Map<?, ?> sent = send(id).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(sent.get("status")).isEqualTo("SENT");
		Map<?, ?> delivery = (Map<?, ?>) sent.get("delivery");
		String messageId = (String) delivery.get("messageId");
		assertThat(messageId).matches("<fu\\." + id + "\\.[0-9a-f]+@mail\\.aftercare\\.local>");

		Map<?, ?> again = send(id).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(((Map<?, ?>) again.get("delivery")).get("messageId")).isEqualTo(messageId);
		assertThat(((Map<?, ?>) again.get("delivery")).get("sentAt")).isEqualTo(delivery.get("sentAt"));

		List<Path> emails = outboxFilesMentioning(messageId);
		assertThat(emails).as("sending twice writes one email").hasSize(1);
		String eml = Files.readString(emails.get(0));
		assertThat(eml).contains("Message-ID: " + messageId)
			.contains("Subject: Checking in after your API issue")
			.contains("To: David")
			.contains("From: Sam Rivera <sam.rivera@aftercare.example>")
			.contains("Content-Type: text/html");

		this.http.get()
			.uri("/api/reminders")
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.followUpId == " + id + ")].note")
			.isEqualTo(List.of("Check API metrics"));

		this.http.get()
			.uri("/api/customers/{id}/followups", techflow)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + id + ")].status")
			.isEqualTo(List.of("SENT"))
			.jsonPath("$[?(@.id == " + id + ")].subject")
			.isEqualTo(List.of("Checking in after your API issue"));

		this.http.get()
			.uri("/api/followups/{id}/history", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].action")
			.isEqualTo(List.of("drafted", "edited", "approved", "send-requested", "sent"))
			.jsonPath("$[*].actor")
			.isEqualTo(List.of("sam", "sam", "sam", "sam", "sam"));
		this.http.get()
			.uri("/api/followups/{id}/history", id)
			.headers((h) -> h.setBasicAuth("alex", "demo"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anEditAfterApprovalNeedsANewApprovalBeforeSending() {
		long techflow = customerId("sam", "techflow");
		long id = prepare(techflow, "MODERATE");
		approve(id).expectStatus().isOk();
		this.http.patch()
			.uri("/api/followups/{id}", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("subject", "A different subject", "body", "Hi David,\n\nA different body."))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DRAFT")
			.jsonPath("$.approval")
			.doesNotExist();
		send(id).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("new approval"));
		approve(id, 1).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.value(String.class, (type) -> assertThat(type).endsWith("/stale-version"));
		this.http.post()
			.uri("/api/followups/{id}/discard", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DISCARDED");
	}

	@Test
	void aLevelChosenByTheCsmIsRecordedBesideTheAssessedOne() {
		long techflow = customerId("sam", "techflow");
		long id = prepare(techflow, "MINOR");
		this.http.get()
			.uri("/api/followups/{id}", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.level")
			.isEqualTo("MINOR")
			.jsonPath("$.assessedLevel")
			.isEqualTo("MAJOR")
			.jsonPath("$.levelOverriddenBy")
			.isEqualTo("sam");
		this.http.post()
			.uri("/api/followups/{id}/discard", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void addsAReminderByHand() {
		long techflow = customerId("sam", "techflow");
		long id = prepare(techflow, "MODERATE");
		this.http.post()
			.uri("/api/followups/{id}/reminders", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("inDays", 3, "note", "Call David"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.note")
			.isEqualTo("Call David")
			.jsonPath("$.origin")
			.isEqualTo("MANUAL")
			.jsonPath("$.owner")
			.isEqualTo("sam");
		this.http.post()
			.uri("/api/followups/{id}/reminders", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("dueAt", "2020-01-01T00:00:00Z", "note", "In the past"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.http.post()
			.uri("/api/followups/{id}/discard", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private long prepare(long customer, String level) {
		Map<?, ?> body = this.http.post()
			.uri("/api/customers/{id}/ticket-followup", customer)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("ticketNumber", "TF-2024-0847", "level", level))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) body.get("id")).longValue();
	}

	private RestTestClient.ResponseSpec approve(long id) {
		return this.http.post()
			.uri("/api/followups/{id}/approve", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange();
	}

	private RestTestClient.ResponseSpec approve(long id, int version) {
		return this.http.post()
			.uri("/api/followups/{id}/approve", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("contentVersion", version))
			.exchange();
	}

	private RestTestClient.ResponseSpec send(long id) {
		return this.http.post()
			.uri("/api/followups/{id}/send", id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange();
	}

	long customerId(String user, String query) {
		List<?> customers = this.http.get()
			.uri("/api/customers?query={q}", query)
			.headers((h) -> h.setBasicAuth(user, "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(customers).isNotEmpty();
		return ((Number) ((Map<?, ?>) customers.get(0)).get("id")).longValue();
	}

	private static List<Path> outboxFilesMentioning(String messageId) throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target/test-outbox"))) {
			return files.filter((file) -> {
				try {
					return Files.readString(file).contains(messageId);
				}
				catch (IOException ex) {
					return false;
				}
			}).toList();
		}
	}

}
