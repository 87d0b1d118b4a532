package io.aftercare.followup;

import java.time.Instant;

import io.aftercare.customer.CustomerId;

/**
 * An unsent follow-up was put on hold: its ticket was reopened, so what it says no longer
 * holds. An approval it had is void.
 */
public record FollowUpHeld(FollowUpId followUpId, CustomerId customerId, String reason, Instant heldAt) {

}
