package io.aftercare.reminder;

import java.time.Instant;

import io.aftercare.customer.CustomerId;
import io.aftercare.followup.FollowUpId;

/**
 * Something a CSM wants to be reminded of about a customer, possibly tied to a follow-up
 * ({@code followUpId} is {@code null} otherwise).
 */
public record Reminder(ReminderId id, String owner, CustomerId customerId, FollowUpId followUpId, Instant dueAt,
		String note, ReminderOrigin origin, ReminderStatus status, String createdBy, Instant createdAt,
		Instant completedAt) {

	/** Due now or overdue, and not done yet. */
	public boolean isDue(Instant now) {
		return this.status == ReminderStatus.OPEN && !this.dueAt.isAfter(now);
	}

}
