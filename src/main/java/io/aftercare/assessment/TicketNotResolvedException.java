package io.aftercare.assessment;

import io.aftercare.shared.RefusedException;
import io.aftercare.ticket.Ticket;

/**
 * A post-ticket follow-up only makes sense once the ticket is resolved.
 */
public class TicketNotResolvedException extends RefusedException {

	public TicketNotResolvedException(Ticket ticket) {
		super("ticket-not-resolved", "Ticket " + ticket.number() + " is " + ticket.status().name().toLowerCase()
				+ ", not resolved. A post-ticket follow-up can be prepared once support has resolved it.");
	}

}
