package io.aftercare.zendesk;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.aftercare.connector.DeskHttp;
import io.aftercare.ingestion.IncomingComment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of Zendesk's Support API the connector reads, within its limits: the
 * Incremental Ticket Export at {@code export-requests-per-minute} (Zendesk documents 10),
 * everything else at {@code requests-per-minute}, both waiting out a 429 as
 * {@code Retry-After} says and retrying transient failures with backoff and jitter.
 */
final class ZendeskApi {

	/**
	 * What the export sideloads: requesters, their organizations, reopens and solve
	 * times.
	 */
	static final String SIDELOADS = "users,organizations,metric_sets";

	private final URI base;

	private final String authorization;

	private final DeskHttp export;

	private final DeskHttp api;

	private final JsonMapper json;

	ZendeskApi(ZendeskSettings settings, JsonMapper json) {
		this.base = settings.api();
		this.authorization = (settings.oauthToken() != null && !settings.oauthToken().isBlank())
				? "Bearer " + settings.oauthToken().trim()
				: "Basic " + Base64.getEncoder()
					.encodeToString((settings.email().trim() + "/token:" + settings.apiToken().trim())
						.getBytes(StandardCharsets.UTF_8));
		this.export = new DeskHttp("Zendesk", new DeskHttp.Limits(settings.exportRequestsPerMinute(),
				settings.attempts(), settings.backoff(), Duration.ofMinutes(2), 30, Duration.ofSeconds(60)));
		this.api = new DeskHttp("Zendesk", new DeskHttp.Limits(settings.requestsPerMinute(), settings.attempts(),
				settings.backoff(), Duration.ofMinutes(2), 30, Duration.ofSeconds(30)));
		this.json = json;
	}

	/**
	 * Zendesk refused a request for good (401, 403, 404, 422...): retrying will not help.
	 */
	static class ZendeskRefused extends RuntimeException {

		ZendeskRefused(String message) {
			super(message);
		}

	}

	/**
	 * A page of the cursor-based Incremental Ticket Export: from {@code cursor}, or, for
	 * the first page, from {@code startTime}.
	 */
	JsonNode exportPage(String cursor, Instant startTime) {
		String query = ((cursor != null) ? "cursor=" + encode(cursor) : "start_time=" + startTime.getEpochSecond())
				+ "&include=" + SIDELOADS + "&exclude_deleted=true";
		return get(this.export, "/api/v2/incremental/tickets/cursor.json?" + query);
	}

	/**
	 * A ticket's comments, public and internal, oldest first; a comment counts as the
	 * customer's when its author is an end user (or, unknown, the requester).
	 */
	List<IncomingComment> comments(String ticketId, String requesterId) {
		List<IncomingComment> comments = new ArrayList<>();
		String path = "/api/v2/tickets/" + encode(ticketId) + "/comments.json?include=users";
		for (int page = 0; path != null && page < 10; page++) {
			JsonNode answer = get(this.api, path);
			Map<String, JsonNode> users = byId(answer.path("users"));
			for (JsonNode comment : answer.path("comments")) {
				String author = ZendeskTickets.text(comment, "author_id");
				JsonNode user = (author != null) ? users.get(author) : null;
				String role = (user != null) ? ZendeskTickets.text(user, "role") : null;
				boolean customer = (role != null) ? role.equals("end-user")
						: author != null && author.equals(requesterId);
				String body = ZendeskTickets.text(comment, "plain_body");
				if (body == null) {
					body = ZendeskTickets.text(comment, "body");
				}
				if (body != null) {
					comments.add(new IncomingComment(ZendeskTickets.text(comment, "id"),
							customer ? "CUSTOMER" : "AGENT", (user != null) ? ZendeskTickets.text(user, "name") : null,
							comment.path("public").asBoolean(false), body,
							ZendeskTickets.time(ZendeskTickets.text(comment, "created_at"))));
				}
			}
			String next = ZendeskTickets.text(answer, "next_page");
			path = (next != null) ? URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery() : null;
		}
		return comments;
	}

	private JsonNode get(DeskHttp http, String pathAndQuery) {
		DeskHttp.Answer answer = http.send(HttpRequest.newBuilder(this.base.resolve(pathAndQuery))
			.header("Authorization", this.authorization)
			.header("Accept", "application/json")
			.GET());
		if (!answer.ok()) {
			throw new ZendeskRefused("Zendesk answered " + answer.status() + " to GET " + answer.uri().getPath()
					+ ((answer.status() == 401 || answer.status() == 403)
							? ": check AFTERCARE_ZENDESK_EMAIL and AFTERCARE_ZENDESK_API_TOKEN (or the OAuth token)"
							: ""));
		}
		return this.json.readTree(answer.body());
	}

	static Map<String, JsonNode> byId(JsonNode list) {
		Map<String, JsonNode> byId = new HashMap<>();
		for (JsonNode item : list) {
			String id = ZendeskTickets.text(item, "id");
			if (id != null) {
				byId.put(id, item);
			}
		}
		return byId;
	}

	static Map<String, JsonNode> byTicket(JsonNode metricSets) {
		Map<String, JsonNode> byTicket = new HashMap<>();
		for (JsonNode set : metricSets) {
			String ticket = ZendeskTickets.text(set, "ticket_id");
			if (ticket != null) {
				byTicket.put(ticket, set);
			}
		}
		return byTicket;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
