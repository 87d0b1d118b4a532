package io.aftercare.intercom;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.aftercare.connector.DeskHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts of Intercom's REST API the connector reads, within the app's limit: the
 * conversations search (cursor pagination in the body), a conversation with its parts,
 * and a contact with its companies. A 429 waits until {@code X-RateLimit-Reset}.
 */
final class IntercomApi {

	private final IntercomSettings settings;

	private final DeskHttp http;

	private final JsonMapper json;

	private final Map<String, Contact> contacts = new ConcurrentHashMap<>();

	IntercomApi(IntercomSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		this.http = new DeskHttp("Intercom", new DeskHttp.Limits(settings.requestsPerMinute(), settings.attempts(),
				settings.backoff(), Duration.ofMinutes(2), 30, Duration.ofSeconds(30)));
	}

	/** Intercom refused a request for good (401, 403, 404, 422...). */
	static class IntercomRefused extends RuntimeException {

		IntercomRefused(String message) {
			super(message);
		}

	}

	/**
	 * Conversations updated after {@code since}, a page from {@code startingAfter} on.
	 */
	JsonNode search(Instant since, String startingAfter) {
		ObjectNode body = this.json.createObjectNode();
		ObjectNode query = body.putObject("query");
		query.put("field", "updated_at");
		query.put("operator", ">");
		query.put("value", since.getEpochSecond());
		ObjectNode pagination = body.putObject("pagination");
		pagination.put("per_page", this.settings.pageSize());
		if (startingAfter != null) {
			pagination.put("starting_after", startingAfter);
		}
		return send("/conversations/search",
				HttpRequest.newBuilder()
					.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
					.header("Content-Type", "application/json"));
	}

	/** A conversation with its parts (replies, notes). */
	JsonNode conversation(String id) {
		return send("/conversations/" + encode(id) + "?display_as=plaintext", HttpRequest.newBuilder().GET());
	}

	/** A contact's email and first company, asked once per run. */
	record Contact(String email, String companyId) {
	}

	Contact contact(String id) {
		return this.contacts.computeIfAbsent(id, (key) -> {
			JsonNode contact = send("/contacts/" + encode(key), HttpRequest.newBuilder().GET());
			JsonNode company = contact.path("companies").path("data").path(0);
			return new Contact(IntercomConversations.text(contact, "email"), IntercomConversations.text(company, "id"));
		});
	}

	private JsonNode send(String path, HttpRequest.Builder request) {
		URI base = this.settings.baseUrl();
		String prefix = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
				: base.toString();
		DeskHttp.Answer answer = this.http.send(request.uri(URI.create(prefix + path))
			.header("Authorization", "Bearer " + this.settings.accessToken().trim())
			.header("Accept", "application/json")
			.header("Intercom-Version", this.settings.version()));
		if (!answer.ok()) {
			throw new IntercomRefused("Intercom answered " + answer.status() + " to " + answer.uri().getPath()
					+ ((answer.status() == 401) ? ": check AFTERCARE_INTERCOM_ACCESS_TOKEN" : ""));
		}
		return this.json.readTree(answer.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
