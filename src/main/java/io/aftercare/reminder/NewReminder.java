package io.aftercare.reminder;

import java.time.Instant;

import io.aftercare.customer.CustomerId;
import io.aftercare.followup.FollowUpId;

/**
 * A reminder to schedule for {@code owner}, the CSM who owns the customer.
 */
public record NewReminder(String owner, CustomerId customerId, FollowUpId followUpId, Instant dueAt, String note,
		ReminderOrigin origin) {

	public NewReminder {
		if (owner == null || owner.isBlank()) {
			throw new IllegalArgumentException("a reminder needs an owner");
		}
		if (customerId == null || dueAt == null || origin == null) {
			throw new IllegalArgumentException("customer, due time and origin are required");
		}
		if (note == null || note.isBlank()) {
			throw new IllegalArgumentException("note is required");
		}
		if (note.length() > 500) {
			throw new IllegalArgumentException("note is longer than 500 characters");
		}
		note = note.strip();
	}

}
