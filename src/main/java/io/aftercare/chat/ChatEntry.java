package io.aftercare.chat;

import java.time.Instant;
import java.util.List;

import io.aftercare.chat.intent.TimeWindow;

/**
 * One message of a CSM's conversation. Cards refer to a follow-up or a customer by id and
 * are drawn from current data whenever the conversation is shown. An answer also records
 * what it was about ({@code topic}), so that "and for Acme?" can do the same again, and
 * the time a list covers ({@code window}).
 */
public record ChatEntry(Long id, String username, Author author, Kind kind, String text, Long followUpId,
		Long customerId, List<Choice> choices, Instant createdAt, Topic topic, TimeWindow window) {

	public ChatEntry {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/** A message about nothing in particular. */
	public ChatEntry(Long id, String username, Author author, Kind kind, String text, Long followUpId, Long customerId,
			List<Choice> choices, Instant createdAt) {
		this(id, username, author, kind, text, followUpId, customerId, choices, createdAt, null, null);
	}

	static ChatEntry fromCsm(String username, String text, Instant at) {
		return new ChatEntry(null, username, Author.CSM, Kind.TEXT, text, null, null, List.of(), at);
	}

	static ChatEntry reply(String username, String text, Instant at) {
		return new ChatEntry(null, username, Author.AFTERCARE, Kind.TEXT, text, null, null, List.of(), at);
	}

	static ChatEntry question(String username, String text, List<Choice> choices, Instant at) {
		return new ChatEntry(null, username, Author.AFTERCARE, Kind.TEXT, text, null, null, choices, at);
	}

	static ChatEntry card(String username, Kind kind, String text, Long followUpId, Long customerId, Instant at) {
		return new ChatEntry(null, username, Author.AFTERCARE, kind, text, followUpId, customerId, List.of(), at);
	}

	/** This message, about the given customer and topic. */
	ChatEntry about(Long customer, Topic about) {
		return new ChatEntry(this.id, this.username, this.author, this.kind, this.text, this.followUpId, customer,
				this.choices, this.createdAt, about, this.window);
	}

	/** This message, covering the given time. */
	ChatEntry covering(TimeWindow covered) {
		return new ChatEntry(this.id, this.username, this.author, this.kind, this.text, this.followUpId,
				this.customerId, this.choices, this.createdAt, this.topic, covered);
	}

	/** Who wrote it. */
	public enum Author {

		CSM, AFTERCARE

	}

	/** What it shows. */
	public enum Kind {

		/** Plain words, possibly with choices to click. */
		TEXT,
		/** A follow-up: ticket details, customer impact, level, draft and actions. */
		FOLLOWUP,
		/**
		 * Exactly what will be sent and to whom, with the button that approves and sends.
		 */
		CONFIRM_SEND,
		/** The confirmation that a follow-up went out, with the reminders it set. */
		SENT,
		/** A customer's recent tickets. */
		TICKETS,
		/** The CSM's open reminders. */
		REMINDERS,
		/** What the chat understands. */
		HELP

	}

	/** What an answer was about: what "and for Acme?" does again. */
	public enum Topic {

		/** Preparing a follow-up. */
		FOLLOW_UP,
		/** A customer's recent tickets. */
		RECENT_TICKETS,
		/** A customer's follow-ups. */
		FOLLOW_UPS

	}

	/** A button that says a command for the CSM, as if they had typed it. */
	public record Choice(String label, String command) {

		public Choice {
			if (label == null || label.isBlank() || command == null || command.isBlank()) {
				throw new IllegalArgumentException("a choice needs a label and a command");
			}
		}

	}

}
