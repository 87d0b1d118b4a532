package io.aftercare.reminder;

import java.time.Instant;

/**
 * A reminder as the API and the chat show it, with ids flattened and whether it is due
 * now.
 */
public record ReminderView(long id, long customerId, Long followUpId, Instant dueAt, boolean due, String note,
		ReminderOrigin origin, ReminderStatus status, String owner, Instant createdAt) {

	public static ReminderView of(Reminder r, Instant now) {
		return new ReminderView(r.id().value(), r.customerId().value(),
				(r.followUpId() != null) ? r.followUpId().value() : null, r.dueAt(), r.isDue(now), r.note(), r.origin(),
				r.status(), r.owner(), r.createdAt());
	}

}
