package io.aftercare.account;

import io.aftercare.AftercareIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@AftercareIntegrationTest
class SecurityIntegrationTests {

	@Autowired
	RestTestClient http;

	@Test
	void healthIsOpenForReadinessChecks() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void apiRequiresSignInAndAnswersWithProblemDetails() {
		this.http.get()
			.uri("/api/customers")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
	}

	@Test
	void wrongPasswordIsRefused() {
		this.http.get()
			.uri("/api/customers")
			.headers((h) -> h.setBasicAuth("sam", "wrong"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

}
