package io.aftercare.followup;

import io.aftercare.assessment.FollowUpLevel;

/**
 * What a CSM asks for: a follow-up on the ticket they mean (see {@link TicketChoices}),
 * optionally at a level of their choosing instead of the assessed one.
 */
public record FollowUpRequest(TicketQuery ticket, FollowUpLevel level) {

	public FollowUpRequest {
		ticket = (ticket != null) ? ticket : TicketQuery.any();
	}

	public static FollowUpRequest latest() {
		return new FollowUpRequest(TicketQuery.any(), null);
	}

}
