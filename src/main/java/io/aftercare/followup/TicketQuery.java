package io.aftercare.followup;

import java.time.Instant;
import java.util.List;

/**
 * The ticket a CSM means, as they said it: by Aftercare id, by the desk's number, by a
 * few words of its subject or product area ("their API ticket"), by when it was resolved
 * ("last week's ticket"), or not at all.
 *
 * @param ticketId the ticket's id in Aftercare
 * @param ticketNumber the desk's number, as typed
 * @param words words of its subject or product area
 * @param resolvedFrom when it was resolved at the earliest, {@code null} for the recent
 * window
 * @param resolvedBefore when it was resolved at the latest (exclusive), {@code null} for
 * now
 */
public record TicketQuery(Long ticketId, String ticketNumber, List<String> words, Instant resolvedFrom,
		Instant resolvedBefore) {

	public TicketQuery {
		ticketNumber = (ticketNumber != null && !ticketNumber.isBlank()) ? ticketNumber.strip() : null;
		words = (words != null) ? List.copyOf(words) : List.of();
	}

	public TicketQuery(Long ticketId, String ticketNumber, List<String> words) {
		this(ticketId, ticketNumber, words, null, null);
	}

	/** Whichever resolved ticket the rule picks. */
	public static TicketQuery any() {
		return new TicketQuery(null, null, List.of());
	}

	public static TicketQuery byNumber(String number) {
		return new TicketQuery(null, number, List.of());
	}

}
