package io.aftercare.chat;

import java.time.Instant;
import java.util.List;

/**
 * One message of a CSM's conversation. Cards refer to a follow-up or a customer by id and
 * are drawn from current data whenever the conversation is shown.
 */
public record ChatEntry(Long id, String username, Author author, Kind kind, String text, Long followUpId,
		Long customerId, List<Choice> choices, Instant createdAt) {

	public ChatEntry {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
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

	/** A button that says a command for the CSM, as if they had typed it. */
	public record Choice(String label, String command) {

		public Choice {
			if (label == null || label.isBlank() || command == null || command.isBlank()) {
				throw new IllegalArgumentException("a choice needs a label and a command");
			}
		}

	}

}
