package io.aftercare.operations;

import java.time.Duration;

import io.aftercare.AftercareIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Only an admin sees the events still waiting for their listeners, or resubmits them; the
 * upkeep itself is scheduled in the database.
 */
@AftercareIntegrationTest
class EventPublicationsApiIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRecurringWorkIsScheduledInTheDatabaseSoOneInstanceAtATimeRunsIt() {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.jdbc.sql("select task_name from scheduled_tasks").query(String.class).list())
						.contains("event-publication-upkeep", "send-queue-upkeep"));
	}

	@Test
	void aCsmMayNeitherListNorResubmit() {
		this.http.get()
			.uri("/api/admin/event-publications")
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.post()
			.uri("/api/admin/event-publications/resubmit")
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void anAdminListsThemAndResubmits() {
		this.http.get()
			.uri("/api/admin/event-publications?limit=5")
			.headers((h) -> h.setBasicAuth("admin", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$")
			.isArray();
		this.http.post()
			.uri("/api/admin/event-publications/resubmit")
			.headers((h) -> h.setBasicAuth("admin", "demo"))
			.exchange()
			.expectStatus()
			.isAccepted();
	}

}
