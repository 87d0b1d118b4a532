package io.aftercare.reminder;

/**
 * Whether Aftercare suggested a reminder with a follow-up or the CSM added it.
 */
public enum ReminderOrigin {

	SUGGESTED, MANUAL

}
