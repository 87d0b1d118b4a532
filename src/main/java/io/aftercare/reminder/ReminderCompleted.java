package io.aftercare.reminder;

import java.time.Instant;

import io.aftercare.customer.CustomerId;

/**
 * A CSM marked a reminder done.
 */
public record ReminderCompleted(ReminderId reminderId, CustomerId customerId, String completedBy, Instant completedAt) {

}
