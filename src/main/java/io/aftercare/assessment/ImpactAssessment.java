package io.aftercare.assessment;

import java.util.List;

import org.springframework.util.Assert;

/**
 * The follow-up a resolved ticket calls for, with the reasons a CSM reads in the chat.
 *
 * @param level how personal the follow-up should be
 * @param reasons what decided the level, in plain words; never empty
 * @param offers extra help the CSM can offer in the follow-up, worded for the CSM and for
 * the customer
 * @param reminders check-ins to schedule afterwards
 * @param resolvedLate whether the ticket took longer than its priority should, the one
 * wait a follow-up owns up to
 */
public record ImpactAssessment(FollowUpLevel level, List<String> reasons, List<Offer> offers,
		List<SuggestedReminder> reminders, boolean resolvedLate) {

	public ImpactAssessment {
		Assert.notNull(level, "Level must not be null");
		Assert.notEmpty(reasons, "An assessment needs at least one reason");
		Assert.notNull(offers, "Offers must not be null");
		Assert.notNull(reminders, "Reminders must not be null");
		reasons = List.copyOf(reasons);
		offers = List.copyOf(offers);
		reminders = List.copyOf(reminders);
	}

}
