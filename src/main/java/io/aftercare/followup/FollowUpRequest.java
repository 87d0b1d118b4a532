package io.aftercare.followup;

import io.aftercare.assessment.FollowUpLevel;

/**
 * What a CSM asks for: a follow-up on a ticket (by Aftercare id or by the desk's number;
 * when both are absent, the customer's most recent significant resolved ticket),
 * optionally at a level of their choosing instead of the assessed one.
 */
public record FollowUpRequest(Long ticketId, String ticketNumber, FollowUpLevel level) {

	public static FollowUpRequest latest() {
		return new FollowUpRequest(null, null, null);
	}

}
