package io.aftercare.followup;

import java.time.Duration;

import io.aftercare.AftercareIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mail transport that fails loses nothing: the follow-up stays approved, its draft
 * intact, and the failure is reported as a problem.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = { "aftercare.mail.outbox=pom.xml",
		"spring.datasource.url=jdbc:h2:mem:aftercare-send-failure;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class SendFailureIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFailedSendKeepsTheApprovedDraftAndSaysWhy() {
		FollowUpClient sam = new FollowUpClient(this.http, "sam");
		long id = sam.prepareOnTechFlow(null);
		sam.approve(id).expectStatus().isOk();

		sam.send(id)
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("still approved"));

		sam.get("/api/followups/" + id)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("FAILED")
			.jsonPath("$.approval.approvedBy")
			.isEqualTo("sam")
			.jsonPath("$.delivery.status")
			.isEqualTo("FAILED")
			.jsonPath("$.draft.textBody")
			.value(String.class, (body) -> assertThat(body).contains("TF-2024-0847"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.jdbc.sql("""
				select count(*) from audit_log
				where subject_type = 'followup' and subject_id = :id and action = 'send-failed'
				""").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1));
	}

}
