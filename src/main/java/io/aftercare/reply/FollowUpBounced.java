package io.aftercare.reply;

import java.time.Instant;

import io.aftercare.customer.CustomerId;
import io.aftercare.followup.FollowUpId;

/**
 * A sent follow-up bounced for good: the receiving server's {@code reason}, the
 * {@code address} it refused (now marked suspect), the CSM who owns the customer.
 */
public record FollowUpBounced(FollowUpId followUpId, CustomerId customerId, String owner, String address, String reason,
		Instant bouncedAt) {

}
