/**
 * Reminders a CSM keeps for a customer: those a follow-up suggests when it is approved
 * ("Check API metrics in 7 days") and those added by hand.
 * {@link io.aftercare.reminder.ReminderBook} is the API.
 */
package io.aftercare.reminder;
