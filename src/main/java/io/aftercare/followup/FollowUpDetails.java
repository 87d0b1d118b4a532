package io.aftercare.followup;

import java.util.List;

import io.aftercare.assessment.TicketContext;
import io.aftercare.customer.Customer;
import io.aftercare.reminder.Reminder;
import io.aftercare.ticket.Ticket;

/**
 * A follow-up with what a CSM needs beside it: the customer, the ticket, the ticket's
 * current context ({@code null} when the ticket was reopened since), and the reminders it
 * set.
 */
public record FollowUpDetails(FollowUp followUp, Customer customer, Ticket ticket, TicketContext context,
		List<Reminder> reminders, boolean created) {

	public FollowUpDetails {
		reminders = List.copyOf(reminders);
	}

}
