package io.aftercare.operations;

import io.aftercare.AftercareIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Only an admin sees the events still waiting for their listeners, or resubmits them.
 */
@AftercareIntegrationTest
class EventPublicationsApiIntegrationTests {

	@Autowired
	RestTestClient http;

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
