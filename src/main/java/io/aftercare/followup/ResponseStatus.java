package io.aftercare.followup;

/**
 * Whether the customer answered the follow-up.
 */
public enum ResponseStatus {

	NONE, AWAITING, REPLIED

}
