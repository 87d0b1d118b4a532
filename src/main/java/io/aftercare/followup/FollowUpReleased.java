package io.aftercare.followup;

import java.time.Instant;

import io.aftercare.customer.CustomerId;

/**
 * A follow-up on hold is a draft again: its tickets are resolved again. (One nobody had
 * edited is drafted anew instead: see {@link FollowUpDrafted}.)
 */
public record FollowUpReleased(FollowUpId followUpId, CustomerId customerId, Instant releasedAt) {

}
