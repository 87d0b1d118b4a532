package io.aftercare.reminder;

import java.time.Duration;

import io.aftercare.assessment.SuggestedReminder;
import io.aftercare.followup.FollowUpApproved;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Schedules the reminders a follow-up suggests once a CSM approved it, counted from the
 * approval, for the CSM who owns the customer. Heard again (a redelivery after a crash),
 * it schedules nothing twice.
 */
@Component
class SuggestedReminders {

	private final ReminderBook reminders;

	SuggestedReminders(ReminderBook reminders) {
		this.reminders = reminders;
	}

	@ApplicationModuleListener
	void on(FollowUpApproved approved) {
		if (this.reminders.hasSuggested(approved.followUpId())) {
			return;
		}
		for (SuggestedReminder suggested : approved.suggestedReminders()) {
			this.reminders.schedule(new NewReminder(approved.owner(), approved.customerId(), approved.followUpId(),
					approved.approvedAt().plus(Duration.ofDays(suggested.dueIn().getDays())), suggested.note(),
					ReminderOrigin.SUGGESTED), approved.approvedBy());
		}
	}

}
