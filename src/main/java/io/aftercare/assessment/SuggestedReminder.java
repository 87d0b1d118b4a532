package io.aftercare.assessment;

import java.time.Period;

import org.springframework.util.Assert;

/**
 * A check-in the CSM should schedule after the follow-up, such as "Check API metrics" in
 * 7 days.
 *
 * @param dueIn how long after the follow-up the reminder is due
 * @param note what to do then, in the CSM's words ("Check API metrics")
 * @param promise the same, as the email promises it to the customer, to follow "I'll"
 * ("check your API metrics")
 */
public record SuggestedReminder(Period dueIn, String note, String promise) {

	public SuggestedReminder {
		Assert.notNull(dueIn, "Due-in period must not be null");
		Assert.isTrue(!dueIn.isZero() && !dueIn.isNegative(), () -> "Due-in period must be positive: " + dueIn);
		Assert.hasText(note, "Reminder note must not be blank");
		Assert.hasText(promise, "Reminder promise must not be blank");
	}

}
