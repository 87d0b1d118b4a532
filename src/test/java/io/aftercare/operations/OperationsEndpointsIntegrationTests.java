package io.aftercare.operations;

import java.net.http.HttpResponse;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's tools read: open probes, protected Prometheus metrics with
 * Aftercare's own figures, and a request id on every answer.
 */
@AftercareIntegrationTest
class OperationsEndpointsIntegrationTests {

	@LocalServerPort
	int port;

	RawHttp http;

	@BeforeEach
	void client() {
		this.http = new RawHttp(this.port);
	}

	@Test
	void livenessAndReadinessAreOpenForProbes() {
		assertThat(this.http.get("/actuator/health/liveness", null).body()).contains("\"status\":\"UP\"");
		assertThat(this.http.get("/actuator/health/readiness", null).body()).contains("\"status\":\"UP\"");
	}

	@Test
	void metricsAreForAdminsOnly() {
		RawHttp.assertProblem(this.http.get("/actuator/prometheus", null), 401);
		RawHttp.assertProblem(this.http.get("/actuator/prometheus", "sam"), 403);
		RawHttp.assertProblem(this.http.get("/actuator/metrics", "sam"), 403);
	}

	@Test
	void prometheusScrapesAftercaresOwnFiguresWithAnAdminToken() {
		this.http.get("/api/customers", "sam");
		HttpResponse<String> issued = this.http.json("POST", "/api/tokens", "admin",
				"{\"name\":\"prometheus\",\"scope\":\"admin\"}");
		String token = JsonMapper.builder().build().readTree(issued.body()).get("token").asString();
		HttpResponse<String> scraped = this.http
			.send(this.http.request("/actuator/prometheus", null).header("Authorization", "Bearer " + token));
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.body()).contains("http_server_requests_seconds_count")
			.containsPattern("aftercare_followups\\{[^}]*status=\"SENT\"")
			.contains("aftercare_followup_sends_total")
			.contains("aftercare_events_incomplete")
			.contains("aftercare_scheduler_due")
			.contains("aftercare_scheduler_lag_seconds")
			.contains("aftercare_reminders_due_unfired")
			.contains("aftercare_ingestion_lag_seconds")
			.contains("aftercare_webhooks_waiting")
			.contains("aftercare_webhooks_failed")
			.contains("aftercare_webhooks_lag_seconds")
			.contains("jvm_memory_used_bytes")
			.as("Spring Security's observations and the in-flight timer are off (docs/decisions.md)")
			.doesNotContain("spring_security_filterchains")
			.doesNotContain("spring_security_authorizations")
			.doesNotContain("http_server_requests_active");
		assertThat(scraped.body().lines().filter((line) -> line.startsWith("aftercare_")))
			.as("every figure of our own could be read")
			.hasSizeGreaterThan(10)
			.noneMatch((line) -> line.endsWith("NaN"));

		HttpResponse<String> readToken = this.http.json("POST", "/api/tokens", "admin",
				"{\"name\":\"not for metrics\",\"scope\":\"read\"}");
		String reader = JsonMapper.builder().build().readTree(readToken.body()).get("token").asString();
		RawHttp.assertProblem(
				this.http
					.send(this.http.request("/actuator/prometheus", null).header("Authorization", "Bearer " + reader)),
				403);
	}

	@Test
	void everyAnswerCarriesARequestId() {
		HttpResponse<String> given = this.http
			.send(this.http.request("/api/customers", "sam").header("X-Request-Id", "lb-7f3a9"));
		assertThat(given.headers().firstValue("X-Request-Id")).hasValue("lb-7f3a9");
		HttpResponse<String> made = this.http
			.send(this.http.request("/login", null).header("X-Request-Id", "not a safe <id>"));
		assertThat(made.headers().firstValue("X-Request-Id"))
			.hasValueSatisfying((id) -> assertThat(id).matches("[0-9a-f-]{36}"));
	}

}
