/**
 * Support tickets and their comments, whatever desk they came from.
 * {@link io.aftercare.ticket.SupportDesk} answers questions about a customer's tickets;
 * {@link io.aftercare.ticket.TicketIntake} takes tickets in idempotently and announces
 * {@link io.aftercare.ticket.TicketResolved} when one is resolved;
 * {@link io.aftercare.ticket.TicketDurations} words how long a ticket took, the same way
 * for every module that says it.
 */
package io.aftercare.ticket;
