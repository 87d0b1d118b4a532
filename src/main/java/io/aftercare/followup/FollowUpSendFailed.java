package io.aftercare.followup;

import java.time.Instant;

import io.aftercare.customer.CustomerId;

/**
 * A send did not go through ({@code interrupted}: the app stopped while sending); the
 * follow-up stays approved, and {@code reason} tells the CSM what to do.
 */
public record FollowUpSendFailed(FollowUpId followUpId, CustomerId customerId, String reason, boolean interrupted,
		String recordedBy, Instant failedAt) {

}
