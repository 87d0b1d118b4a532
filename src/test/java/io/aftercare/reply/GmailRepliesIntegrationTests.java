package io.aftercare.reply;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.aftercare.AftercareIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reading answers through the Gmail API, against WireMock speaking Google's token
 * endpoint and the documented shapes of {@code users.getProfile},
 * {@code users.history.list} and {@code users.messages.get?format=raw}: the first poll
 * starts at the mailbox's current history id, a 429 stops a poll without moving the
 * cursor, the next poll reads the reply added since, fetches it raw and the follow-up
 * shows it.
 */
@AftercareIntegrationTest
// Its own database and servers: no other class can reuse the context, and its pollers
// must not go on polling stopped servers while later classes run.
@DirtiesContext
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-gmail-replies;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.replies.gmail.enabled=true", "aftercare.replies.gmail.poll-interval=1s",
		"aftercare.replies.gmail.mailboxes=sam.rivera@aftercare.example", "db-scheduler.polling-interval=1s" })
class GmailRepliesIntegrationTests {

	private static final String HISTORY = "/gmail/v1/users/me/history";

	private static final WireMockServer google = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private static final Path KEY;

	static {
		google.start();
		google.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/token"))
			.willReturn(okJson("{\"access_token\":\"ya29.reader\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
		google.stubFor(get(urlEqualTo("/gmail/v1/users/me/profile")).willReturn(okJson(
				"{\"emailAddress\":\"sam.rivera@aftercare.example\",\"messagesTotal\":12,\"threadsTotal\":9,\"historyId\":\"100\"}")));
		try {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			String pem = "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n";
			KEY = Files.createTempFile("service-account", ".json");
			Files.writeString(KEY,
					JsonMapper.builder()
						.build()
						.writeValueAsString(Map.of("type", "service_account", "client_email",
								"aftercare@project.iam.gserviceaccount.com", "private_key", pem, "token_uri",
								google.baseUrl() + "/token")));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	RestTestClient http;

	@DynamicPropertySource
	static void google(DynamicPropertyRegistry registry) {
		registry.add("aftercare.mail.gmail.credentials-file", KEY::toString);
		registry.add("aftercare.mail.gmail.api-url", google::baseUrl);
	}

	@AfterAll
	static void stop() throws Exception {
		google.stop();
		Files.deleteIfExists(KEY);
	}

	@Test
	void aReplyAddedToTheHistoryIsFetchedRawAndShownAfterA429() throws Exception {
		long id = sentFollowUp();
		String messageId = (String) ((Map<?, ?>) followUp(id).get("delivery")).get("messageId");
		String raw = """
				From: David Park <david.park@techflow.example>
				To: Sam Rivera <sam.rivera@aftercare.example>
				Subject: Re: our follow-up
				Message-ID: <gmail-reply-1@techflow.example>
				In-Reply-To: %s
				MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8

				All working now, thank you so much for the quick fix!

				On Mon, Nov 30, 2026 at 9:00 AM Sam Rivera <sam.rivera@aftercare.example> wrote:
				> Hi David,
				""".formatted(messageId).replace("\n", "\r\n");
		google.stubFor(get(urlPathEqualTo(HISTORY)).withQueryParam("startHistoryId", equalTo("100"))
			.inScenario("history")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"code\":429,\"message\":\"Too many concurrent requests for user.\","
						+ "\"errors\":[{\"reason\":\"rateLimitExceeded\"}],\"status\":\"RESOURCE_EXHAUSTED\"}}"))
			.willSetStateTo("answered"));
		google.stubFor(get(urlPathEqualTo(HISTORY)).withQueryParam("startHistoryId", equalTo("100"))
			.inScenario("history")
			.whenScenarioStateIs("answered")
			.willReturn(okJson("""
					{"history":[{"id":"104","messages":[{"id":"18c9","threadId":"18c0"}],
					  "messagesAdded":[{"message":{"id":"18c9","threadId":"18c0","labelIds":["INBOX","UNREAD"]}}]}],
					 "historyId":"105"}
					""")));
		google.stubFor(get(urlPathEqualTo(HISTORY)).withQueryParam("startHistoryId", equalTo("105"))
			.willReturn(okJson("{\"historyId\":\"105\"}")));
		google.stubFor(get(urlEqualTo("/gmail/v1/users/me/messages/18c9?format=raw"))
			.willReturn(okJson("{\"id\":\"18c9\",\"threadId\":\"18c0\",\"labelIds\":[\"INBOX\"],\"raw\":\""
					+ Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)) + "\"}")));

		Map<?, ?> response = await().atMost(Duration.ofSeconds(30))
			.until(() -> (Map<?, ?>) followUp(id).get("response"), (r) -> "REPLIED".equals(r.get("status")));

		assertThat(response.get("text")).isEqualTo("All working now, thank you so much for the quick fix!");
		assertThat(response.get("reading")).isEqualTo("POSITIVE");
		assertThat(google
			.findAll(getRequestedFor(urlPathEqualTo(HISTORY)).withQueryParam("startHistoryId", equalTo("100"))))
			.as("asked again after the 429")
			.hasSizeGreaterThanOrEqualTo(2);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !google
				.findAll(getRequestedFor(urlPathEqualTo(HISTORY)).withQueryParam("startHistoryId", equalTo("105")))
				.isEmpty());
		assertThat(google.findAll(getRequestedFor(urlEqualTo("/gmail/v1/users/me/messages/18c9?format=raw"))))
			.as("fetched once: the cursor moved past it")
			.hasSize(1);
		assertThat(google.findAll(getRequestedFor(urlPathEqualTo(HISTORY))).get(0).getHeader("Authorization"))
			.isEqualTo("Bearer ya29.reader");
	}

	private long sentFollowUp() {
		List<?> customers = this.http.get()
			.uri("/api/customers?query=techflow")
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		long customer = ((Number) ((Map<?, ?>) customers.get(0)).get("id")).longValue();
		Map<?, ?> drafted = post("/api/customers/" + customer + "/ticket-followup",
				Map.of("ticketNumber", "TF-2024-0847", "level", "MODERATE"));
		long id = ((Number) drafted.get("id")).longValue();
		post("/api/followups/" + id + "/approve", null);
		assertThat(post("/api/followups/" + id + "/send", null).get("status")).isEqualTo("SENT");
		return id;
	}

	private Map<?, ?> followUp(long id) {
		return this.http.get()
			.uri("/api/followups/" + id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private Map<?, ?> post(String path, Object body) {
		var request = this.http.post().uri(path).headers((h) -> h.setBasicAuth("sam", "demo"));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
