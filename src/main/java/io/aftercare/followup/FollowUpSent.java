package io.aftercare.followup;

import java.time.Instant;

/**
 * A follow-up left Aftercare for the customer.
 */
public record FollowUpSent(long followUpId, long customerId, long ticketId, String messageId, Instant sentAt) {

}
