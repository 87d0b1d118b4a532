package io.aftercare.zendesk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aftercare.connector.DeskAccount;
import io.aftercare.connector.DeskPerson;
import io.aftercare.connector.DeskTicket;
import io.aftercare.ingestion.IncomingComment;
import io.aftercare.ingestion.IncomingTicket;
import tools.jackson.databind.JsonNode;

/**
 * Reads Zendesk's ticket shapes into desk tickets: a ticket of the API (with the metric
 * set and users the Incremental Export sideloads), the {@code detail} of a ticket event
 * webhook, and the JSON of the trigger Aftercare documents. Zendesk's statuses map one to
 * one ({@code hold} is on hold); a ticket without priority is normal. Fields Zendesk does
 * not tell stay null, to be completed from what is stored.
 */
final class ZendeskTickets {

	static final String SOURCE = "zendesk";

	private ZendeskTickets() {
	}

	/**
	 * A ticket of the API. {@code metrics} is its metric set (reopens, solved_at) or
	 * missing; {@code users} and {@code organizations} the sideloaded ones by id.
	 */
	static DeskTicket fromApi(JsonNode ticket, JsonNode metrics, Map<String, JsonNode> users,
			Map<String, JsonNode> organizations, List<IncomingComment> comments) {
		String id = text(ticket, "id");
		String status = status(text(ticket, "status"));
		Instant solvedAt = time(text(metrics, "solved_at"));
		boolean resolved = status.equals("SOLVED") || status.equals("CLOSED");
		Instant resolvedAt = resolved ? ((solvedAt != null) ? solvedAt : time(text(ticket, "updated_at"))) : null;
		Integer reopens = metrics.path("reopens").isNumber() ? metrics.path("reopens").asInt() : null;
		String organizationId = text(ticket, "organization_id");
		JsonNode organization = (organizationId != null) ? organizations.get(organizationId) : null;
		String requesterId = text(ticket, "requester_id");
		JsonNode user = (requesterId != null) ? users.get(requesterId) : null;
		IncomingTicket incoming = new IncomingTicket(SOURCE, id, id, null, null, null, text(ticket, "subject"),
				text(ticket, "description"), null, priority(text(ticket, "priority")), status,
				time(text(ticket, "created_at")), resolvedAt, null, reopens, null, null, null, null,
				satisfaction(text(ticket.path("satisfaction_rating"), "score")), tags(ticket.path("tags")), null,
				comments);
		return new DeskTicket(
				new DeskAccount(SOURCE, organizationId, (organization != null) ? text(organization, "name") : null),
				new DeskPerson(requesterId, (user != null) ? text(user, "name") : null,
						(user != null) ? text(user, "email") : null, (user != null) ? text(user, "locale") : null),
				incoming);
	}

	/**
	 * The {@code detail} of a {@code zen:event-type:ticket.*} webhook, with the event's
	 * {@code event} object. Its ids are strings and its statuses upper case in Zendesk's
	 * samples; both are read either way.
	 */
	static DeskTicket fromEvent(String type, Instant time, JsonNode detail, JsonNode event) {
		String id = text(detail, "id");
		String status = status(text(detail, "status"));
		boolean resolved = status.equals("SOLVED") || status.equals("CLOSED");
		// The moment of the status change is the resolution; any other event on a
		// resolved ticket keeps the stored one.
		Instant resolvedAt = (resolved && type.endsWith("ticket.status_changed")) ? time : null;
		List<IncomingComment> comments = new ArrayList<>();
		if (type.endsWith("ticket.comment_added")) {
			JsonNode comment = event.path("comment");
			String body = text(comment, "body");
			if (body != null) {
				JsonNode author = comment.path("author");
				boolean staff = author.path("is_staff").asBoolean(false);
				comments.add(new IncomingComment(text(comment, "id"), staff ? "AGENT" : "CUSTOMER",
						text(author, "name"), comment.path("is_public").asBoolean(false), body, time));
			}
		}
		IncomingTicket incoming = new IncomingTicket(SOURCE, id, id, null, null, null, text(detail, "subject"),
				text(detail, "description"), null, priority(text(detail, "priority")), status,
				time(text(detail, "created_at")), resolvedAt, null, null, null, null, null, null, null,
				detail.has("tags") ? tags(detail.path("tags")) : null, null, comments);
		return new DeskTicket(new DeskAccount(SOURCE, text(detail, "organization_id"), null),
				new DeskPerson(text(detail, "requester_id"), null, null), incoming);
	}

	/**
	 * The JSON of the trigger Aftercare documents ({@code docs/integrations.md}): Zendesk
	 * fills its placeholders, so values come as text ("Solved", "-" for none, tags
	 * separated by spaces).
	 */
	static DeskTicket fromTrigger(JsonNode ticket) {
		String id = text(ticket, "id");
		if (id == null || !id.matches("\\d+")) {
			throw new IllegalArgumentException("the trigger's ticket.id is not a ticket number");
		}
		String status = status(text(ticket, "status"));
		JsonNode organization = ticket.path("organization");
		JsonNode requester = ticket.path("requester");
		String tags = text(ticket, "tags");
		IncomingTicket incoming = new IncomingTicket(SOURCE, id, id, null, null, null, text(ticket, "subject"), null,
				null, priority(text(ticket, "priority")), status, time(text(ticket, "created_at")), null, null, null,
				null, null, null, null, satisfaction(text(ticket.path("satisfaction"), "score")),
				(tags != null) ? List.of(tags.split("\\s+")) : null, null, List.of());
		return new DeskTicket(new DeskAccount(SOURCE, text(organization, "id"), text(organization, "name")),
				new DeskPerson(text(requester, "id"), text(requester, "name"), text(requester, "email")), incoming);
	}

	/** Zendesk's status as our vocabulary has it; {@code hold} is on hold. */
	static String status(String status) {
		if (status == null) {
			throw new IllegalArgumentException("the ticket has no status");
		}
		String value = status.trim().toUpperCase(Locale.ROOT);
		return switch (value) {
			case "HOLD", "ON-HOLD", "ON HOLD" -> "ON_HOLD";
			case "NEW", "OPEN", "PENDING", "SOLVED", "CLOSED" -> value;
			default -> throw new IllegalArgumentException("status '" + status + "' is not one Zendesk has");
		};
	}

	/**
	 * Zendesk's priorities are ours; a ticket without one ("-", null) is left to what is
	 * known.
	 */
	static String priority(String priority) {
		if (priority == null || priority.isBlank() || priority.equals("-")) {
			return null;
		}
		return priority.trim().toUpperCase(Locale.ROOT);
	}

	/**
	 * {@code good} or {@code bad}; "offered" and "unoffered" are no rating. The trigger's
	 * placeholder reads as a sentence ("Good, I'm satisfied").
	 */
	static String satisfaction(String score) {
		if (score == null) {
			return null;
		}
		String value = score.trim().toLowerCase(Locale.ROOT);
		if (value.startsWith("good")) {
			return "good";
		}
		if (value.startsWith("bad")) {
			return "bad";
		}
		return null;
	}

	static List<String> tags(JsonNode tags) {
		List<String> list = new ArrayList<>();
		if (tags.isArray()) {
			tags.forEach((tag) -> {
				if (tag.isString() && !tag.asString().isBlank()) {
					list.add(tag.asString());
				}
			});
		}
		return list;
	}

	static String text(JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.path(field);
		if (value.isString() || value.isNumber()) {
			String text = value.asString().trim();
			return text.isEmpty() ? null : text;
		}
		return null;
	}

	static Instant time(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + value + "' is not a time");
		}
	}

}
