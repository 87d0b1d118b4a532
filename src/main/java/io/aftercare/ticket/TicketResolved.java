package io.aftercare.ticket;

import java.time.Instant;

import io.aftercare.customer.CustomerId;

/**
 * A ticket became resolved: it arrived solved, or moved from open to solved, as
 * {@code source} (the desk, such as {@code zendesk}) reported. Announced once per
 * resolution, and only once it is committed: re-sending the same resolved ticket
 * announces nothing. {@code backfill} when it is history being loaded (a first import,
 * the demo workspace), not news a follow-up should react to.
 */
public record TicketResolved(TicketId ticketId, CustomerId customerId, String ticketNumber, TicketPriority priority,
		Instant resolvedAt, String source, boolean backfill) implements TicketAnnouncement {

	@Override
	public TicketResolved asBackfill() {
		return new TicketResolved(this.ticketId, this.customerId, this.ticketNumber, this.priority, this.resolvedAt,
				this.source, true);
	}

}
