package io.aftercare.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.aftercare.customer.ContactId;
import io.aftercare.customer.CustomerId;

/**
 * A support ticket of a customer.
 */
public record Ticket(TicketId id, CustomerId customerId, String sourceSystem, String number, String subject,
		String description, String productArea, TicketPriority priority, TicketStatus status, Instant openedAt,
		Instant resolvedAt, Instant reopenedAt, int reopenCount, ContactId requester, boolean escalated,
		String escalatedTo, String resolutionSummary, String satisfactionRating, List<String> tags) {

	public Ticket {
		tags = List.copyOf(tags);
	}

	/** How long it was open: until resolution, or until now while it is still open. */
	public Duration duration(Instant now) {
		Instant end = (this.resolvedAt != null && this.status.isResolved()) ? this.resolvedAt : now;
		return Duration.between(this.openedAt, end);
	}

	public boolean isResolved() {
		return this.status.isResolved() && this.resolvedAt != null;
	}

}
