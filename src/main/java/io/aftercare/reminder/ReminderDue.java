package io.aftercare.reminder;

import java.time.Instant;

import io.aftercare.customer.CustomerId;
import io.aftercare.followup.FollowUpId;

/**
 * A reminder fell due, announced once across all instances (the chat shows its owner a
 * notice). {@code followUpId} is {@code null} for a reminder about the customer alone;
 * {@code answer} says whether the customer answered that follow-up ("No answer yet.",
 * "Answered on Mar 3: still broken."), {@code null} without one.
 */
public record ReminderDue(ReminderId reminderId, CustomerId customerId, FollowUpId followUpId, String owner,
		Instant dueAt, String note, Instant firedAt, String answer) {

}
