package io.aftercare.followup;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.CsmDirectory;
import io.aftercare.chat.ChatEntry;
import io.aftercare.chat.Conversation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many workspaces record no health scores at all: a follow-up is still drafted, and the
 * impact says that there is no health data instead of inventing a drop.
 */
@AftercareIntegrationTest
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:aftercare-no-health;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class NoHealthDataIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	Conversation conversation;

	@Autowired
	CsmDirectory csms;

	private String name;

	private long customerId;

	// A NORMAL ticket: a HIGH one resolved a day ago is past the trigger delay and would
	// get its unasked draft before the test asks for one.
	@BeforeEach
	void customerWithoutHealthScores() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.name = "Healthless " + run;
		ingest("customers", """
				{"source":"nohealth","externalId":"c-%s","name":"%s","tier":"MID_MARKET","owner":"sam"}"""
			.formatted(run, this.name));
		ingest("contacts", """
				{"source":"nohealth","externalId":"p-%s","customer":{"externalId":"c-%s"},
				 "name":"Robin Hale","email":"robin@healthless.example","primary":true}""".formatted(run, run));
		ingest("tickets", """
				{"source":"nohealth","externalId":"t-%s","number":"NH-%s","customer":{"externalId":"c-%s"},
				 "subject":"Invoices export times out","priority":"NORMAL","status":"SOLVED",
				 "openedAt":"%s","resolvedAt":"%s","requester":{"externalId":"p-%s"},
				 "resolutionSummary":"Export moved to a background job"}""".formatted(run, run, run,
				java.time.Instant.now().minusSeconds(5 * 86400), java.time.Instant.now().minusSeconds(86400), run));
		List<?> found = new FollowUpClient(this.http, "sam").get("/api/customers?query=" + run)
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		this.customerId = ((Number) ((Map<?, ?>) found.get(0)).get("id")).longValue();
	}

	@Test
	void draftsAFollowUpThroughTheApiAndSaysThereIsNoHealthData() {
		new FollowUpClient(this.http, "sam").post("/api/customers/" + this.customerId + "/ticket-followup", Map.of())
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.impact.healthNow")
			.doesNotExist()
			.jsonPath("$.impact.summary[0]")
			.isEqualTo("Health Score: No health data")
			.jsonPath("$.draft.textBody")
			.value(String.class, (body) -> assertThat(body).startsWith("Hi Robin,"));
	}

	@Test
	void draftsAFollowUpFromTheChat() {
		List<ChatEntry> turn = this.conversation.say(this.csms.find("sam").orElseThrow(),
				"Follow up with " + this.name);
		ChatEntry reply = turn.get(turn.size() - 1);
		assertThat(reply.kind()).isEqualTo(ChatEntry.Kind.FOLLOWUP);
		assertThat(reply.followUpId()).isNotNull();
	}

	private void ingest(String kind, String body) {
		new FollowUpClient(this.http, "admin").post("/api/ingest/" + kind, body).expectStatus().isCreated();
	}

}
