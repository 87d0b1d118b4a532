package io.aftercare.followup;

import java.util.List;

/**
 * The ticket a CSM means, as they said it: by Aftercare id, by the desk's number, by a
 * few words of its subject or product area ("their API ticket"), or not at all.
 */
public record TicketQuery(Long ticketId, String ticketNumber, List<String> words) {

	public TicketQuery {
		ticketNumber = (ticketNumber != null && !ticketNumber.isBlank()) ? ticketNumber.strip() : null;
		words = (words != null) ? List.copyOf(words) : List.of();
	}

	/** Whichever resolved ticket the rule picks. */
	public static TicketQuery any() {
		return new TicketQuery(null, null, List.of());
	}

	public static TicketQuery byNumber(String number) {
		return new TicketQuery(null, number, List.of());
	}

}
