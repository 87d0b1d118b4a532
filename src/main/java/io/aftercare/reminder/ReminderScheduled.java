package io.aftercare.reminder;

import java.time.Instant;

import io.aftercare.customer.CustomerId;
import io.aftercare.followup.FollowUpId;

/**
 * A reminder was scheduled for {@code owner}, about a customer and possibly one of its
 * follow-ups ({@code followUpId} is {@code null} otherwise).
 */
public record ReminderScheduled(ReminderId reminderId, CustomerId customerId, FollowUpId followUpId, String owner,
		Instant dueAt, String note, ReminderOrigin origin, String scheduledBy, Instant scheduledAt) {

}
