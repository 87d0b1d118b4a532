package io.aftercare.followup;

/**
 * The words of a ticket that {@link TicketMatcher} searches.
 *
 * @param id the ticket's id
 * @param number the ticket number ("TF-2024-0847"), {@code null} when unknown
 * @param subject the ticket's subject, {@code null} when unknown
 * @param productArea the product area ("Billing"), {@code null} when unknown
 */
record TicketText(long id, String number, String subject, String productArea) {

}
