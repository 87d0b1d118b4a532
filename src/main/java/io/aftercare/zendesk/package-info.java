/**
 * The Zendesk connector. It speaks only Zendesk's wire format: the webhooks Zendesk posts
 * (event subscriptions, {@code zen:event-type:ticket.*}, and the JSON a trigger posts),
 * verified by {@code X-Zendesk-Webhook-Signature}; and the API's cursor-based Incremental
 * Ticket Export with its sideloads, ticket comments, users and organizations, read by a
 * backfill that continues as a catch-up. It hands {@code connector.DeskTicket}s to
 * {@code connector.DeskFeed}; no Zendesk type leaves this package.
 */
package io.aftercare.zendesk;
