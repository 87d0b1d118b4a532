package io.aftercare.reminder;

/**
 * Identifies a reminder.
 */
public record ReminderId(long value) {

	public ReminderId {
		if (value <= 0) {
			throw new IllegalArgumentException("reminder id must be positive");
		}
	}

}
