package io.aftercare.followup;

import java.time.Instant;

import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.customer.CustomerId;
import io.aftercare.ticket.TicketId;

/**
 * A follow-up was drafted for a resolved ticket, at {@code level}; {@code assessedLevel}
 * differs when the CSM chose the level.
 */
public record FollowUpDrafted(FollowUpId followUpId, CustomerId customerId, TicketId ticketId, String ticketNumber,
		FollowUpLevel level, FollowUpLevel assessedLevel, String draftedBy, Instant draftedAt) {

}
