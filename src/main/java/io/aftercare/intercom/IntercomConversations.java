package io.aftercare.intercom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aftercare.connector.DeskAccount;
import io.aftercare.connector.DeskPerson;
import io.aftercare.connector.DeskTicket;
import io.aftercare.ingestion.IncomingComment;
import io.aftercare.ingestion.IncomingTicket;
import io.aftercare.shared.TimeRange;
import tools.jackson.databind.JsonNode;

/**
 * Reads Intercom's conversations and tickets (API 2.11 shapes) into desk tickets. A
 * conversation's state maps onto a ticket's: closed is solved, snoozed is pending, open
 * is open; its rating (1 to 5) onto satisfaction: 4 and 5 are good, 1 and 2 bad, 3
 * neutral. Its parts become comments: a contact's are the customer's, a teammate's the
 * agent's, notes are internal. Times are Unix seconds.
 */
final class IntercomConversations {

	static final String SOURCE = "intercom";

	private IntercomConversations() {
	}

	/**
	 * A conversation; {@code email} and {@code company} come from its contact when the
	 * API was asked, else null.
	 */
	static DeskTicket conversation(JsonNode conversation, String email, String companyId, String companyName) {
		String id = text(conversation, "id");
		if (id == null) {
			throw new IllegalArgumentException("the conversation has no id");
		}
		String state = text(conversation, "state");
		String status = switch ((state != null) ? state.toLowerCase(Locale.ROOT) : "open") {
			case "closed" -> "SOLVED";
			case "snoozed" -> "PENDING";
			default -> "OPEN";
		};
		JsonNode statistics = conversation.path("statistics");
		Instant resolvedAt = null;
		if (status.equals("SOLVED")) {
			resolvedAt = seconds(statistics.path("last_close_at"));
			if (resolvedAt == null) {
				resolvedAt = seconds(conversation.path("updated_at"));
			}
		}
		JsonNode source = conversation.path("source");
		String body = plain(text(source, "body"));
		String subject = plain(text(source, "subject"));
		if (subject == null) {
			subject = text(conversation, "title");
		}
		if (subject == null && body != null) {
			subject = (body.length() > 80) ? body.substring(0, 77) + "..." : body;
		}
		JsonNode author = source.path("author");
		List<IncomingComment> comments = new ArrayList<>();
		if (body != null) {
			comments.add(new IncomingComment("source-" + id, kind(text(author, "type")), text(author, "name"), true,
					body, seconds(conversation.path("created_at"))));
		}
		for (JsonNode part : conversation.path("conversation_parts").path("conversation_parts")) {
			String partBody = plain(text(part, "body"));
			String type = text(part, "part_type");
			if (partBody == null || type == null || !(type.equals("comment") || type.equals("note"))) {
				continue;
			}
			JsonNode partAuthor = part.path("author");
			comments.add(new IncomingComment(text(part, "id"), kind(text(partAuthor, "type")), text(partAuthor, "name"),
					type.equals("comment"), partBody, seconds(part.path("created_at"))));
		}
		Integer reopens = statistics.path("count_reopens").isNumber() ? statistics.path("count_reopens").asInt() : null;
		List<String> tags = new ArrayList<>();
		for (JsonNode tag : conversation.path("tags").path("tags")) {
			String name = text(tag, "name");
			if (name != null) {
				tags.add(name);
			}
		}
		JsonNode contact = conversation.path("contacts").path("contacts").path(0);
		String contactId = text(contact, "id");
		String requesterEmail = (email != null) ? email
				: (contactId != null && contactId.equals(text(author, "id"))) ? text(author, "email") : null;
		IncomingTicket ticket = new IncomingTicket(SOURCE, id, id, null, null, null, subject, body, null,
				priority(text(conversation, "priority")), status, seconds(conversation.path("created_at")), resolvedAt,
				null, reopens, null, null, null, null, rating(conversation.path("conversation_rating").path("rating")),
				tags, null, comments);
		return new DeskTicket(new DeskAccount(SOURCE, companyId, companyName),
				new DeskPerson(contactId, text(author, "name"), requesterEmail), ticket);
	}

	/**
	 * {@code priority} is high; {@code not_priority} normal; the preview's levels as
	 * named.
	 */
	static String priority(String priority) {
		if (priority == null) {
			return null;
		}
		return switch (priority.toLowerCase(Locale.ROOT)) {
			case "priority", "high" -> "HIGH";
			case "urgent" -> "URGENT";
			case "low" -> "LOW";
			default -> "NORMAL";
		};
	}

	static String rating(JsonNode rating) {
		if (!rating.isNumber()) {
			return null;
		}
		int stars = rating.asInt();
		return (stars >= 4) ? "good" : (stars <= 2) ? "bad" : "neutral";
	}

	private static String kind(String authorType) {
		if (authorType == null) {
			return "SYSTEM";
		}
		return switch (authorType) {
			case "user", "lead", "contact" -> "CUSTOMER";
			case "admin", "team" -> "AGENT";
			default -> "SYSTEM";
		};
	}

	/**
	 * Intercom's bodies are HTML: their text, for tone and for reading. Block ends become
	 * line breaks, tags go, the common entities are decoded; the text is stored, never
	 * shown as HTML.
	 */
	static String plain(String html) {
		if (html == null) {
			return null;
		}
		String text = html.replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>", "\n")
			.replaceAll("<[^>]*>", "")
			.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&")
			.replaceAll("[ \t]+", " ")
			.replaceAll("\\s*\n\\s*", "\n")
			.trim();
		return text.isEmpty() ? null : text;
	}

	/**
	 * A time as Intercom writes it, in whole seconds since 1970; {@code null} when absent
	 * or not a time Aftercare accepts ({@link TimeRange}): a signed payload may still
	 * carry {@code 1e19}.
	 */
	static Instant seconds(JsonNode value) {
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			return null;
		}
		long seconds = value.asLong();
		return (seconds > 0 && seconds <= TimeRange.LATEST.getEpochSecond()) ? Instant.ofEpochSecond(seconds) : null;
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isString() || value.isNumber()) {
			String text = value.asString().trim();
			return text.isEmpty() ? null : text;
		}
		return null;
	}

}
