package io.aftercare.followup;

import java.time.Instant;

import io.aftercare.customer.CustomerId;

/**
 * A follow-up was queued for sending its approved wording {@code contentVersion} through
 * the mail {@code channel}, under {@code messageId}, due at {@code sendAt} (the moment it
 * was queued, or a later time the CSM chose).
 */
public record FollowUpSendStarted(FollowUpId followUpId, CustomerId customerId, String messageId, String channel,
		int contentVersion, String approvedBy, String startedBy, Instant startedAt, Instant sendAt) {

}
