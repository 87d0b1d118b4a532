package io.aftercare.ticket;

import java.time.Instant;

import io.aftercare.customer.CustomerId;

/**
 * A resolved ticket was opened again, as {@code source} reported: whatever was written to
 * the customer about its resolution no longer holds.
 */
public record TicketReopened(TicketId ticketId, CustomerId customerId, String ticketNumber, Instant reopenedAt,
		String source, boolean backfill) implements TicketAnnouncement {

	@Override
	public TicketReopened asBackfill() {
		return new TicketReopened(this.ticketId, this.customerId, this.ticketNumber, this.reopenedAt, this.source,
				true);
	}

}
