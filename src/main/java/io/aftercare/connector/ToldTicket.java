package io.aftercare.connector;

import java.time.Instant;

/**
 * A ticket as a desk told it, perhaps in part (a webhook carries a ticket's status and
 * subject, not its reopen count or participants), before {@link KnownTickets} completes
 * it from what is stored. {@code resolvedOtherwise} is when it became resolved if the
 * desk says it is and not since when: the event's time, or the time it was read.
 */
public record ToldTicket(DeskTicket ticket, Instant resolvedOtherwise) {

	public ToldTicket {
		if (ticket == null || resolvedOtherwise == null) {
			throw new IllegalArgumentException("a told ticket needs the ticket and a time to fall back on");
		}
	}

}
