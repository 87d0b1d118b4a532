/**
 * What every connector to a support desk shares, built once: the durable webhook inbox
 * and the worker that processes it ({@link io.aftercare.connector.WebhookInbox},
 * {@link io.aftercare.connector.WebhookSource}), the cursors of backfills and catch-ups
 * ({@link io.aftercare.connector.SyncCursors}), the HTTP client that keeps to a vendor's
 * rate limits ({@link io.aftercare.connector.DeskHttp}), and the mapping of a desk's
 * organizations onto customers, with the list of what could not be matched and the
 * records held for it ({@link io.aftercare.connector.DeskFeed}). The vendor modules
 * ({@code zendesk}, {@code intercom}, {@code files}) speak only their wire format and
 * hand {@link io.aftercare.connector.DeskTicket}s here; this module hands
 * {@code Incoming...} records to {@code ingestion.Ingestion}. Webhooks come in at
 * {@code /webhooks/{source}} through a security chain of their own: the signature is the
 * only authentication.
 */
package io.aftercare.connector;
