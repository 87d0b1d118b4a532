package io.aftercare.mail.gmail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Gmail API (v1) as Aftercare uses it, acting as one user of the workspace at a time
 * with a token from {@link ServiceAccountTokens}: send a raw RFC 5322 message, and find a
 * message by its Message-ID. The reading side adds what it needs here (history,
 * messages.get) on the same tokens.
 */
public class GmailClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ServiceAccountTokens tokens;

	private final URI api;

	private final HttpClient http;

	private final Duration timeout;

	public GmailClient(ServiceAccountTokens tokens, URI apiUrl, HttpClient http, Duration timeout) {
		this.tokens = tokens;
		String root = apiUrl.toString();
		this.api = URI.create(root.endsWith("/") ? root : root + "/");
		this.http = http;
		this.timeout = timeout;
	}

	/** An HTTP client for Google's endpoints, with the connect timeout given. */
	public static HttpClient httpClient(Duration connectTimeout) {
		return HttpClient.newBuilder().connectTimeout(connectTimeout).build();
	}

	/** Who Aftercare is at Google: the service account. */
	public String account() {
		return this.tokens.clientEmail();
	}

	/**
	 * {@code users.messages.send} with {@code raw}: sends the message as {@code user}.
	 * @return Gmail's ids of the sent message and its thread
	 */
	public SentMessage send(String user, byte[] rfc822) {
		String body = JSON.writeValueAsString(Map.of("raw", Base64.getUrlEncoder().encodeToString(rfc822)));
		JsonNode sent = call(user,
				() -> request("gmail/v1/users/me/messages/send").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)),
				true);
		return new SentMessage(sent.path("id").asString(null), sent.path("threadId").asString(null));
	}

	/**
	 * {@code users.messages.list?q=rfc822msgid:...}: Gmail's ids of the messages of
	 * {@code user}'s mailbox with this Message-ID (Sent included, Spam and Trash too).
	 */
	public List<String> findByMessageId(String user, String messageId) {
		String id = messageId.replaceAll("^<|>$", "");
		String query = "rfc822msgid:" + id;
		JsonNode found = call(user, () -> request("gmail/v1/users/me/messages?includeSpamTrash=true&q="
				+ URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"))
			.GET(), false);
		List<String> ids = new ArrayList<>();
		found.path("messages").forEach((message) -> ids.add(message.path("id").asString()));
		return ids;
	}

	/**
	 * {@code users.getProfile}: the mailbox's current {@code historyId}, where reading
	 * its history starts when nothing was read before.
	 */
	public String currentHistoryId(String user) {
		return call(user, () -> request("gmail/v1/users/me/profile").GET(), false).path("historyId").asString(null);
	}

	/**
	 * {@code users.history.list} since {@code startHistoryId}: the ids of messages added
	 * to the inbox, one page at a time.
	 * @throws GmailException with status 404 when the start is too old to list from
	 */
	public HistoryPage history(String user, String startHistoryId, String pageToken) {
		String path = "gmail/v1/users/me/history?historyTypes=messageAdded&labelId=INBOX&startHistoryId="
				+ URLEncoder.encode(startHistoryId, StandardCharsets.UTF_8)
				+ ((pageToken != null) ? "&pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8) : "");
		JsonNode page = call(user, () -> request(path).GET(), false);
		List<String> added = new ArrayList<>();
		page.path("history")
			.forEach((entry) -> entry.path("messagesAdded")
				.forEach((message) -> added.add(message.path("message").path("id").asString())));
		return new HistoryPage(added, page.path("nextPageToken").asString(null), page.path("historyId").asString(null));
	}

	/** {@code users.messages.get?format=raw}: the message as RFC 5322 bytes. */
	public byte[] raw(String user, String messageId) {
		JsonNode message = call(user, () -> request(
				"gmail/v1/users/me/messages/" + URLEncoder.encode(messageId, StandardCharsets.UTF_8) + "?format=raw")
			.GET(), false);
		return Base64.getUrlDecoder().decode(message.path("raw").asString(""));
	}

	/**
	 * One call as {@code user}; a token the API no longer takes is replaced once.
	 * @param mayChangeSomething whether an answer lost on the way leaves it unknown
	 * whether the call took effect
	 */
	private JsonNode call(String user, java.util.function.Supplier<HttpRequest.Builder> request,
			boolean mayChangeSomething) {
		for (int attempt = 1;; attempt++) {
			HttpRequest built = request.get()
				.header("Authorization", "Bearer " + this.tokens.accessToken(user))
				.build();
			HttpResponse<String> response = exchange(this.http, built, mayChangeSomething);
			if (response.statusCode() == 401 && attempt == 1) {
				this.tokens.forget(user);
				continue;
			}
			if (response.statusCode() / 100 != 2) {
				throw error(response);
			}
			return json(response.body());
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.api.resolve(path)).timeout(this.timeout);
	}

	/**
	 * Google's error body:
	 * {@code {"error":{"code":..,"message":..,"errors":[{"reason":..}],"status":..}}}.
	 */
	private static GmailException error(HttpResponse<String> response) {
		JsonNode error = json(response.body()).path("error");
		String reason = error.path("errors").path(0).path("reason").asString(error.path("status").asString(null));
		String message = error.path("message").asString("");
		return new GmailException(response.statusCode(), reason,
				"Gmail answered " + response.statusCode() + (message.isBlank() ? "" : ": " + message), false, null);
	}

	/**
	 * Sends a request. A connection that never opened left nothing at Google; one that
	 * broke later may have left the call done.
	 */
	static HttpResponse<String> exchange(HttpClient http, HttpRequest request, boolean mayChangeSomething) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpConnectTimeoutException | ConnectException ex) {
			throw new GmailException(0, null, "Google could not be reached (" + ex + ")", false, ex);
		}
		catch (IOException ex) {
			throw new GmailException(0, null, "The connection to Google broke (" + ex + ")", mayChangeSomething, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GmailException(0, null, "Interrupted while calling Google", mayChangeSomething, ex);
		}
	}

	static JsonNode json(String body) {
		try {
			return JSON.readTree((body == null || body.isBlank()) ? "{}" : body);
		}
		catch (RuntimeException ex) {
			return JSON.createObjectNode();
		}
	}

	/**
	 * One page of a mailbox's history: the messages added, the next page's token (none on
	 * the last page), and the mailbox's history id as of this answer.
	 */
	public record HistoryPage(List<String> addedMessageIds, String nextPageToken, String historyId) {
	}

	/** Gmail's ids of a message it sent. */
	public record SentMessage(String id, String threadId) {
	}

}
