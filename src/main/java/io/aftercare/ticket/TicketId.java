package io.aftercare.ticket;

/**
 * Identifies a support ticket in Aftercare (not the desk's own number).
 */
public record TicketId(long value) {

	public TicketId {
		if (value <= 0) {
			throw new IllegalArgumentException("ticket id must be positive");
		}
	}

}
