package io.aftercare;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI description lists every API endpoint the app really maps, with its
 * methods, and never asks clients for the signed-in CSM, which comes from the
 * credentials.
 */
@AftercareIntegrationTest
class ApiDescriptionIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void describesEveryMappedApiEndpoint() {
		Map<?, ?> description = this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat((String) description.get("openapi")).startsWith("3.1");
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) description.get("paths");
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				assertThat(paths).as("documented paths").containsKey(pattern);
				Map<String, Object> operations = paths.get(pattern);
				info.getMethodsCondition()
					.getMethods()
					.forEach((verb) -> assertThat(operations).as(pattern).containsKey(verb.name().toLowerCase()));
			}
		});
		assertThat(paths).containsKeys("/api/customers/{id}/ticket-followup", "/api/customers/{id}/recent-tickets",
				"/api/followups/{id}", "/api/followups/{id}/approve", "/api/followups/{id}/send",
				"/api/followups/{id}/reminders", "/api/reminders");
		assertThat(((Map<?, ?>) paths.get("/api/ingest/tickets").get("post")).get("responses"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKeys("200", "201", "422");
		assertThat(description.toString()).doesNotContain("displayName=csm").doesNotContain("name=csm,");
	}

}
