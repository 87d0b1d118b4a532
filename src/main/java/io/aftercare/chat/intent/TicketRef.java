package io.aftercare.chat.intent;

import java.util.List;

/**
 * The ticket a CSM means, as they said it: by number, by words of its subject or product
 * area, by when it was resolved, or not at all.
 *
 * @param number the ticket number as typed without a leading {@code #} ("TF-2024-0847",
 * "4211"), {@code null} when none was given
 * @param words lower-case words saying which ticket ("sso", "rate", "limit"); empty when
 * none
 * @param resolved when it was resolved ("last week's ticket"), {@code null} when not said
 */
public record TicketRef(String number, List<String> words, TimeWindow resolved) {

	/** No ticket named: whichever the rule picks. */
	public static final TicketRef ANY = new TicketRef(null, List.of(), null);

	public TicketRef {
		number = (number != null && !number.isBlank()) ? number.strip() : null;
		words = (words != null) ? List.copyOf(words) : List.of();
	}

	/** Whether the CSM said anything about which ticket. */
	public boolean isNamed() {
		return this.number != null || !this.words.isEmpty() || this.resolved != null;
	}

}
