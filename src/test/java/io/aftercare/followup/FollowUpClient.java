package io.aftercare.followup;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up API as one demo CSM calls it in the integration tests.
 */
final class FollowUpClient {

	static final String TECHFLOW_TICKET = "TF-2024-0847";

	private final RestTestClient http;

	private final String user;

	FollowUpClient(RestTestClient http, String user) {
		this.http = http;
		this.user = user;
	}

	/** The id of the first customer of the CSM's book whose name matches. */
	long customerId(String query) {
		List<?> customers = get("/api/customers?query=" + query).expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(customers).as(query).isNotEmpty();
		return ((Number) ((Map<?, ?>) customers.get(0)).get("id")).longValue();
	}

	/**
	 * Asks for a follow-up on TechFlow's ticket of the PRD, at a level or the assessed
	 * one.
	 */
	RestTestClient.ResponseSpec requestOnTechFlow(String level) {
		Map<String, String> body = (level != null) ? Map.of("ticketNumber", TECHFLOW_TICKET, "level", level)
				: Map.of("ticketNumber", TECHFLOW_TICKET);
		return post("/api/customers/" + customerId("techflow") + "/ticket-followup", body);
	}

	/**
	 * The id of a follow-up on TechFlow's ticket, new or the unsent one it already has.
	 */
	long prepareOnTechFlow(String level) {
		Map<?, ?> followUp = requestOnTechFlow(level).expectStatus()
			.is2xxSuccessful()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) followUp.get("id")).longValue();
	}

	RestTestClient.ResponseSpec get(String path) {
		return this.http.get().uri(path).headers((h) -> h.setBasicAuth(this.user, "demo")).exchange();
	}

	RestTestClient.ResponseSpec post(String path) {
		return this.http.post().uri(path).headers((h) -> h.setBasicAuth(this.user, "demo")).exchange();
	}

	RestTestClient.ResponseSpec post(String path, Object body) {
		return this.http.post()
			.uri(path)
			.headers((h) -> h.setBasicAuth(this.user, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	RestTestClient.ResponseSpec patch(String path, Object body) {
		return this.http.patch()
			.uri(path)
			.headers((h) -> h.setBasicAuth(this.user, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	RestTestClient.ResponseSpec approve(long id) {
		return post("/api/followups/" + id + "/approve");
	}

	RestTestClient.ResponseSpec send(long id) {
		return post("/api/followups/" + id + "/send");
	}

	RestTestClient.ResponseSpec discard(long id) {
		return post("/api/followups/" + id + "/discard");
	}

}
