package io.aftercare.reminder;

/**
 * A reminder is open until the CSM marks it done.
 */
public enum ReminderStatus {

	OPEN, DONE

}
