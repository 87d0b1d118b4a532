package io.aftercare.followup;

import java.time.Instant;

import io.aftercare.customer.CustomerId;

/**
 * An unsent follow-up was discarded; {@code reason} says why when Aftercare did it.
 */
public record FollowUpDiscarded(FollowUpId followUpId, CustomerId customerId, String reason, String discardedBy,
		Instant discardedAt) {

}
