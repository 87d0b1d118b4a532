package io.aftercare.ticket;

import java.time.Instant;

import io.aftercare.customer.CustomerId;

/**
 * The desk's satisfaction survey for a ticket went out or came back: {@code rating} as
 * the desk reports it ({@code offered}, {@code good}, {@code bad}, or a score such as
 * {@code 2} of 5), read through {@link SatisfactionRating}.
 */
public record TicketRated(TicketId ticketId, CustomerId customerId, String ticketNumber, SatisfactionRating rating,
		Instant ratedAt, String source, boolean backfill) implements TicketAnnouncement {

	@Override
	public TicketRated asBackfill() {
		return new TicketRated(this.ticketId, this.customerId, this.ticketNumber, this.rating, this.ratedAt,
				this.source, true);
	}

}
