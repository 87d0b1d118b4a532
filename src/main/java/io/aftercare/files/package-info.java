/**
 * Ticket files, for desks Aftercare does not connect to yet: CSV (one ticket a row, the
 * columns of {@link io.aftercare.files.TicketColumns}) and JSON (an array of objects with
 * the same fields), imported through {@code POST /api/import/tickets} or from the command
 * line ({@code java -jar aftercare.jar import tickets.csv}), with a progress bar. A row
 * names its customer outright, or its desk's organization and requester, which are mapped
 * onto a customer like any desk's ({@code connector.DeskFeed}): what matches no customer
 * is held for an admin to map, never dropped.
 */
package io.aftercare.files;
