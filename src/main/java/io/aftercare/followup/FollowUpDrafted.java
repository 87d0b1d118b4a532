package io.aftercare.followup;

import java.time.Instant;

import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.customer.CustomerId;
import io.aftercare.ticket.TicketId;

/**
 * A follow-up was drafted for a resolved ticket, at {@code level}; {@code assessedLevel}
 * differs when the CSM chose the level. {@code owner} is the CSM who owns the customer;
 * {@code why} says why Aftercare drafted it unasked, and is {@code null} when a CSM
 * asked.
 */
public record FollowUpDrafted(FollowUpId followUpId, CustomerId customerId, TicketId ticketId, String ticketNumber,
		FollowUpLevel level, FollowUpLevel assessedLevel, String owner, String why, String draftedBy,
		Instant draftedAt) {

	/** Aftercare drafted it without being asked. */
	public boolean unasked() {
		return this.why != null;
	}

}
