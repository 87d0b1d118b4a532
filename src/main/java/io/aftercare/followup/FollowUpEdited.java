package io.aftercare.followup;

import java.time.Instant;

import io.aftercare.customer.CustomerId;

/**
 * A CSM changed a follow-up's wording, now {@code contentVersion}. An approval of the
 * earlier wording no longer counts ({@code approvalVoided} when there was one).
 */
public record FollowUpEdited(FollowUpId followUpId, CustomerId customerId, int contentVersion, boolean approvalVoided,
		String editedBy, Instant editedAt) {

}
