package io.aftercare.followup;

import io.aftercare.assessment.TicketContext;
import io.aftercare.customer.Customer;
import io.aftercare.ticket.Ticket;

/**
 * A follow-up with what a CSM needs beside it: the customer, the ticket, and the ticket's
 * current context ({@code null} when the ticket was reopened since). {@code created} when
 * the request that returned it drafted it.
 */
public record FollowUpDetails(FollowUp followUp, Customer customer, Ticket ticket, TicketContext context,
		boolean created) {

}
