package io.aftercare.ticket;

import io.aftercare.customer.CustomerId;

/**
 * A ticket became resolved (it arrived solved, or moved from open to solved). Published
 * once per resolution: re-sending the same resolved ticket publishes nothing.
 */
public record TicketResolved(TicketId ticketId, CustomerId customerId, TicketPriority priority) {

}
