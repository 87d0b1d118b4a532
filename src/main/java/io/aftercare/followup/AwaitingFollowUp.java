package io.aftercare.followup;

import java.time.Instant;

import io.aftercare.ticket.TicketPriority;

/**
 * A recently resolved ticket of the CSM's book that has no follow-up yet.
 */
public record AwaitingFollowUp(long customerId, String customerName, long ticketId, String ticketNumber, String subject,
		TicketPriority priority, Instant resolvedAt) {

}
