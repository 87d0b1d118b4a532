package io.aftercare.ticket;

/**
 * What storing a ticket may announce: it was resolved, reopened or rated.
 * {@code backfill} when it is history being loaded (a first import, the demo workspace),
 * not news anyone should react to.
 */
public sealed interface TicketAnnouncement permits TicketResolved, TicketReopened, TicketRated {

	/**
	 * The condition of a listener that reacts to news only. Evaluated before the event
	 * publication registry stores anything, so a backfill of a million tickets leaves no
	 * publication behind for it.
	 */
	String NEWS_ONLY = "!#root.args[0].backfill()";

	TicketId ticketId();

	boolean backfill();

	/** The same announcement, loaded as history. */
	TicketAnnouncement asBackfill();

}
