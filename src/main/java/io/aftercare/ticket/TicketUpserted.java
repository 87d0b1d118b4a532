package io.aftercare.ticket;

import java.util.Optional;

import io.aftercare.shared.Change;

/**
 * What storing a ticket changed, and the resolution it brought, if any. The caller
 * publishes the resolution once the ticket is certain to be committed with it (after the
 * savepoint it was stored in is released), so that nobody hears of a resolution that was
 * rolled back.
 */
public record TicketUpserted(TicketId id, Change change, Optional<TicketResolved> resolution) {

}
