package io.aftercare.ticket;

/**
 * Where a ticket stands, in Zendesk's vocabulary, which Intercom's states map onto.
 */
public enum TicketStatus {

	NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED;

	/** Solved and closed tickets are resolved; only those get a post-ticket follow-up. */
	public boolean isResolved() {
		return this == SOLVED || this == CLOSED;
	}

}
