package io.aftercare.followup;

import java.time.Instant;

import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.customer.CustomerId;
import io.aftercare.ticket.TicketId;

/**
 * A follow-up left Aftercare for {@code recipient}, under {@code messageId}. Recorded by
 * the CSM who sent it, or by Aftercare when it settled an interrupted send from what the
 * mail transport held.
 */
public record FollowUpSent(FollowUpId followUpId, CustomerId customerId, TicketId ticketId, String owner,
		FollowUpLevel level, String recipient, String messageId, String recordedBy, Instant sentAt) {

}
