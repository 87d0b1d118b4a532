/**
 * The one door through which customers, contacts, health scores and tickets come in from
 * other systems: the admin API today, the Zendesk and Intercom connectors and file
 * imports later. {@link io.aftercare.ingestion.Ingestion} stores a batch of incoming
 * records in chunked transactions, each record isolated in a savepoint so that one bad
 * record is rejected with a reason while its neighbours land, and answers with an
 * {@link io.aftercare.ingestion.IngestionReport}. The {@code Incoming...} records are the
 * wire format, shared by every source.
 */
package io.aftercare.ingestion;
