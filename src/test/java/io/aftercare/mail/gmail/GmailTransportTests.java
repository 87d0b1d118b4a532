package io.aftercare.mail.gmail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.aftercare.mail.DeliveryCheck;
import io.aftercare.mail.Handover;
import io.aftercare.mail.MailDeliveryException;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.mail.OutgoingEmail.Mailbox;
import io.aftercare.mail.SendingAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Gmail transport against a local HTTP server speaking the documented shapes of
 * Google's token endpoint (the JWT bearer grant of a service account) and of the Gmail
 * API's {@code users.messages.send} and {@code users.messages.list?q=rfc822msgid:},
 * including its 429, 403 rate limit, 5xx and 401 answers.
 */
class GmailTransportTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SEND = "/gmail/v1/users/me/messages/send";

	private static final String ACCOUNT = "aftercare@project.iam.gserviceaccount.com";

	private static final Mailbox SAM = new Mailbox("Sam Rivera", "sam@aftercare.test");

	private static final Mailbox DAVID = new Mailbox("David Park", "david@techflow.test");

	private static final WireMockServer google = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private static KeyPair keys;

	@TempDir
	Path folder;

	@BeforeAll
	static void start() throws Exception {
		google.start();
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		keys = generator.generateKeyPair();
	}

	@AfterAll
	static void stop() {
		google.stop();
	}

	@BeforeEach
	void reset() {
		google.resetAll();
		google.stubFor(post(urlEqualTo("/token"))
			.willReturn(okJson("{\"access_token\":\"ya29.token\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
	}

	@Test
	void sendsTheRawMessageAsTheCsmWithATokenFromASignedServiceAccountAssertion() throws Exception {
		google.stubFor(post(urlEqualTo(SEND))
			.willReturn(okJson("{\"id\":\"18c1a\",\"threadId\":\"18c0f\",\"labelIds\":[\"SENT\"]}")));

		Handover handover = transport(SendingAddress.AUTHOR).deliver(email("<fu.1.1.abc@mail.test>"));

		assertThat(handover.providerMessageId()).isEqualTo("18c1a");
		assertThat(handover.providerThreadId()).isEqualTo("18c0f");
		LoggedRequest token = only(google.findAll(postRequestedFor(urlEqualTo("/token"))));
		assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
		assertThat(token.getBodyAsString())
			.contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer");
		String assertion = java.net.URLDecoder.decode(token.getBodyAsString().replaceFirst(".*assertion=", ""),
				StandardCharsets.UTF_8);
		JsonNode claims = verified(assertion);
		assertThat(claims.path("iss").asString()).isEqualTo(ACCOUNT);
		assertThat(claims.path("sub").asString()).as("acts as the CSM").isEqualTo("sam@aftercare.test");
		assertThat(claims.path("aud").asString()).isEqualTo(google.baseUrl() + "/token");
		assertThat(claims.path("scope").asString()).contains("https://www.googleapis.com/auth/gmail.send");
		assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);

		LoggedRequest send = only(google.findAll(postRequestedFor(urlEqualTo(SEND))));
		assertThat(send.getHeader("Authorization")).isEqualTo("Bearer ya29.token");
		String raw = new String(
				Base64.getUrlDecoder().decode(JSON.readTree(send.getBodyAsString()).path("raw").asString()),
				StandardCharsets.UTF_8);
		assertThat(raw).contains("Message-ID: <fu.1.1.abc@mail.test>")
			.contains("In-Reply-To: <desk-1@zendesk.test>")
			.contains("From: Sam Rivera <sam@aftercare.test>")
			.doesNotContain("Auto-Submitted");
	}

	@Test
	void sendsAsTheWorkspaceAddressWhenConfiguredSo() throws Exception {
		google.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{\"id\":\"1\",\"threadId\":\"2\"}")));

		transport(new SendingAddress("followups@aftercare.test")).deliver(email("<fu.2.1.abc@mail.test>"));

		String assertion = java.net.URLDecoder
			.decode(only(google.findAll(postRequestedFor(urlEqualTo("/token")))).getBodyAsString()
				.replaceFirst(".*assertion=", ""), StandardCharsets.UTF_8);
		assertThat(verified(assertion).path("sub").asString()).isEqualTo("followups@aftercare.test");
	}

	@Test
	void keepsTheTokenUntilItEndsAndReplacesOneTheApiNoLongerTakes() throws Exception {
		google.stubFor(post(urlEqualTo(SEND)).inScenario("token")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("{\"id\":\"1\",\"threadId\":\"1\"}"))
			.willSetStateTo("sent once"));
		google.stubFor(post(urlEqualTo(SEND)).inScenario("token")
			.whenScenarioStateIs("sent once")
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\","
						+ "\"status\":\"UNAUTHENTICATED\"}}"))
			.willSetStateTo("expired"));
		google.stubFor(post(urlEqualTo(SEND)).inScenario("token")
			.whenScenarioStateIs("expired")
			.willReturn(okJson("{\"id\":\"2\",\"threadId\":\"2\"}")));
		GmailTransport transport = transport(SendingAddress.AUTHOR);

		transport.deliver(email("<fu.3.1.abc@mail.test>"));
		assertThat(google.findAll(postRequestedFor(urlEqualTo("/token")))).as("one token for two calls").hasSize(1);
		Handover second = transport.deliver(email("<fu.3.2.abc@mail.test>"));

		assertThat(second.providerMessageId()).isEqualTo("2");
		assertThat(google.findAll(postRequestedFor(urlEqualTo("/token")))).as("a new token after the 401").hasSize(2);
	}

	@Test
	void findsWhatItSentByItsMessageIdInTheSendersMailbox() throws Exception {
		google.stubFor(get(urlPathEqualTo("/gmail/v1/users/me/messages"))
			.withQueryParam("q", WireMock.equalTo("rfc822msgid:fu.4.1.abc@mail.test"))
			.willReturn(okJson("{\"messages\":[{\"id\":\"18c1a\",\"threadId\":\"18c0f\"}],\"resultSizeEstimate\":1}")));
		google.stubFor(get(urlPathEqualTo("/gmail/v1/users/me/messages"))
			.withQueryParam("q", WireMock.equalTo("rfc822msgid:fu.4.2.abc@mail.test"))
			.willReturn(okJson("{\"resultSizeEstimate\":0}")));
		GmailTransport transport = transport(SendingAddress.AUTHOR);

		assertThat(transport.check(email("<fu.4.1.abc@mail.test>"))).isEqualTo(DeliveryCheck.DELIVERED);
		assertThat(transport.check(email("<fu.4.2.abc@mail.test>"))).isEqualTo(DeliveryCheck.NOT_DELIVERED);
		assertThat(google.findAll(getRequestedFor(urlPathEqualTo("/gmail/v1/users/me/messages"))))
			.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer ya29.token"));
	}

	@Test
	void aRateLimitIsWorthAnotherTry() throws Exception {
		assertFailure(
				aResponse().withStatus(429)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":{\"code\":429,\"message\":\"Too many concurrent requests for user.\","
							+ "\"errors\":[{\"reason\":\"rateLimitExceeded\"}],\"status\":\"RESOURCE_EXHAUSTED\"}}"),
				MailDeliveryException.Kind.TRANSIENT, "Too many concurrent requests");
		assertFailure(
				aResponse().withStatus(403)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":{\"code\":403,\"message\":\"User-rate limit exceeded\","
							+ "\"errors\":[{\"reason\":\"userRateLimitExceeded\"}]}}"),
				MailDeliveryException.Kind.TRANSIENT, "User-rate limit exceeded");
	}

	@Test
	void aServerErrorLeavesItUncertainSoTheNextAttemptLooksFirst() throws Exception {
		assertFailure(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\":{\"code\":500,\"message\":\"Backend Error\",\"errors\":[{\"reason\":\"backendError\"}]}}"),
				MailDeliveryException.Kind.UNCERTAIN, "Backend Error");
		assertFailure(aResponse().withStatus(503), MailDeliveryException.Kind.UNCERTAIN, "503");
	}

	@Test
	void aRefusedMessageIsFinal() throws Exception {
		assertFailure(
				aResponse().withStatus(400)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"error\":{\"code\":400,\"message\":\"Invalid To header\","
							+ "\"errors\":[{\"reason\":\"invalidArgument\"}]}}"),
				MailDeliveryException.Kind.PERMANENT, "Invalid To header");
	}

	@Test
	void aTokenRefusedForTheUserIsFinalAndATokenEndpointAwayIsWorthAnotherTry() throws Exception {
		google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"unauthorized_client\",\"error_description\":\"Client is unauthorized to retrieve "
					+ "access tokens using this method, or client not authorized for any of the scopes requested.\"}")));
		assertThatThrownBy(() -> transport(SendingAddress.AUTHOR).deliver(email("<fu.5.1.abc@mail.test>")))
			.isInstanceOfSatisfying(MailDeliveryException.class,
					(ex) -> assertThat(ex.kind()).isEqualTo(MailDeliveryException.Kind.PERMANENT))
			.hasMessageContaining("unauthorized_client");

		google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(503)));
		assertThatThrownBy(() -> transport(SendingAddress.AUTHOR).deliver(email("<fu.5.2.abc@mail.test>")))
			.isInstanceOfSatisfying(MailDeliveryException.class,
					(ex) -> assertThat(ex.kind()).isEqualTo(MailDeliveryException.Kind.TRANSIENT));
		assertThat(google.findAll(postRequestedFor(urlEqualTo(SEND)))).as("Gmail was never asked").isEmpty();
	}

	@Test
	void namesItsChannelAfterTheServiceAccount() throws Exception {
		assertThat(transport(SendingAddress.AUTHOR).channel()).isEqualTo("gmail:" + ACCOUNT);
	}

	private void assertFailure(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer,
			MailDeliveryException.Kind kind, String message) throws IOException {
		google.stubFor(post(urlEqualTo(SEND)).willReturn(answer));
		assertThatThrownBy(() -> transport(SendingAddress.AUTHOR).deliver(email("<fu.6.1.abc@mail.test>")))
			.isInstanceOfSatisfying(MailDeliveryException.class, (ex) -> assertThat(ex.kind()).isEqualTo(kind))
			.hasMessageContaining(message);
	}

	private GmailTransport transport(SendingAddress sending) throws IOException {
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(keys.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		Path key = this.folder.resolve("service-account.json");
		Files.writeString(key, JSON.writeValueAsString(java.util.Map.of("type", "service_account", "client_email",
				ACCOUNT, "private_key", pem, "token_uri", google.baseUrl() + "/token")));
		var http = GmailClient.httpClient(Duration.ofSeconds(5));
		ServiceAccountTokens tokens = ServiceAccountTokens.fromKeyFile(key, null,
				List.of("https://www.googleapis.com/auth/gmail.send", "https://www.googleapis.com/auth/gmail.readonly"),
				http, Duration.ofSeconds(5), Clock.systemUTC());
		return new GmailTransport(new GmailClient(tokens, URI.create(google.baseUrl()), http, Duration.ofSeconds(5)),
				sending, Clock.systemUTC());
	}

	/**
	 * The claims of the assertion, once its RS256 signature checks out with the public
	 * key.
	 */
	private static JsonNode verified(String jwt) throws Exception {
		String[] parts = jwt.split("\\.");
		assertThat(parts).hasSize(3);
		assertThat(JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).path("alg").asString()).isEqualTo("RS256");
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initVerify(keys.getPublic());
		signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(signature.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the account's key")
			.isTrue();
		return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
	}

	private static OutgoingEmail email(String messageId) {
		return new OutgoingEmail(messageId, SAM, DAVID, "Checking in", "Hi David,\n\nAll good?", null,
				"<desk-1@zendesk.test>", List.of("<desk-1@zendesk.test>"));
	}

	private static <T> T only(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}

}
