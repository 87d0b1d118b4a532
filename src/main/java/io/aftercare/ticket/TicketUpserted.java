package io.aftercare.ticket;

import java.util.List;

import io.aftercare.shared.Change;

/**
 * What storing a ticket changed, and what it announces: resolved, reopened, rated. The
 * caller publishes the announcements once the ticket is certain to be committed with them
 * (after the savepoint it was stored in is released), so that nobody hears of a change
 * that was rolled back.
 */
public record TicketUpserted(TicketId id, Change change, List<TicketAnnouncement> announcements) {

	public TicketUpserted {
		announcements = List.copyOf(announcements);
	}

}
