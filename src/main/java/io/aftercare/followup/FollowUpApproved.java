package io.aftercare.followup;

/**
 * A CSM approved a follow-up in its current wording.
 */
public record FollowUpApproved(long followUpId, long customerId, String approvedBy, int contentVersion) {

}
