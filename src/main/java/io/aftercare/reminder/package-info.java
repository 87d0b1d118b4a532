/**
 * Reminders a CSM keeps for a customer: those a follow-up suggests, scheduled when the
 * module hears {@link io.aftercare.followup.FollowUpApproved} ("Check API metrics in 7
 * days"), and those added by hand. {@link io.aftercare.reminder.ReminderBook} is the API;
 * it also tells a follow-up which reminders it has.
 */
package io.aftercare.reminder;
