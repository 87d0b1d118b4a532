package io.aftercare.ticket;

/**
 * What storing a ticket may announce: it was resolved, reopened or rated.
 * {@code backfill} when it is history being loaded (a first import, the demo workspace),
 * not news anyone should react to.
 */
public sealed interface TicketAnnouncement permits TicketResolved, TicketReopened, TicketRated {

	TicketId ticketId();

	boolean backfill();

	/** The same announcement, loaded as history. */
	TicketAnnouncement asBackfill();

}
