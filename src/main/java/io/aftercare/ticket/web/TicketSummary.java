package io.aftercare.ticket.web;

import java.time.Instant;
import java.util.List;

import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketStatus;

/**
 * A ticket as the recent-tickets list shows it.
 */
record TicketSummary(long id, String number, String subject, String severity, TicketStatus status, String productArea,
		Instant openedAt, Instant resolvedAt, long durationHours, String duration, boolean escalated,
		String escalatedTo, String resolution, int reopenCount, List<String> tags) {

	static TicketSummary of(Ticket ticket, Instant now) {
		var duration = ticket.duration(now);
		return new TicketSummary(ticket.id().value(), ticket.number(), ticket.subject(), ticket.priority().label(),
				ticket.status(), ticket.productArea(), ticket.openedAt(), ticket.resolvedAt(), duration.toHours(),
				io.aftercare.ticket.TicketDurations.describe(duration), ticket.escalated(), ticket.escalatedTo(),
				ticket.resolutionSummary(), ticket.reopenCount(), ticket.tags());
	}

}
