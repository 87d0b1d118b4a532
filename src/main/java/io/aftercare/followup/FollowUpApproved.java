package io.aftercare.followup;

import java.time.Instant;
import java.util.List;

import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.assessment.SuggestedReminder;
import io.aftercare.customer.CustomerId;
import io.aftercare.ticket.TicketId;

/**
 * A CSM approved a follow-up in its wording {@code contentVersion}. The reminders it
 * suggests count from {@code approvedAt} and belong to {@code owner}, the CSM who owns
 * the customer.
 */
public record FollowUpApproved(FollowUpId followUpId, CustomerId customerId, TicketId ticketId, String owner,
		FollowUpLevel level, int contentVersion, List<SuggestedReminder> suggestedReminders, String approvedBy,
		Instant approvedAt) {

	public FollowUpApproved {
		suggestedReminders = List.copyOf(suggestedReminders);
	}

}
