package io.aftercare.followup;

/**
 * Identifies a follow-up in Aftercare.
 */
public record FollowUpId(long value) {

	public FollowUpId {
		if (value <= 0) {
			throw new IllegalArgumentException("follow-up id must be positive");
		}
	}

}
