package io.aftercare.followup;

import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.drafting.Language;

/**
 * What a CSM asks for: a follow-up on the ticket they mean (see {@link TicketChoices}),
 * optionally at a level of their choosing instead of the assessed one, and in a language
 * of their choosing instead of the contact's.
 */
public record FollowUpRequest(TicketQuery ticket, FollowUpLevel level, Language language) {

	public FollowUpRequest(TicketQuery ticket, FollowUpLevel level) {
		this(ticket, level, null);
	}

	public FollowUpRequest {
		ticket = (ticket != null) ? ticket : TicketQuery.any();
	}

	public static FollowUpRequest latest() {
		return new FollowUpRequest(TicketQuery.any(), null);
	}

}
