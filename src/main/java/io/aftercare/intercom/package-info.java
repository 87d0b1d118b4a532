/**
 * The Intercom connector. It speaks only Intercom's wire format: the webhook
 * notifications Intercom posts for conversation and ticket topics (closed, opened,
 * replied, rated), verified by {@code X-Hub-Signature}, and a backfill through the
 * conversations search API with its cursor pagination, which continues as a catch-up. A
 * conversation becomes a ticket: closed is resolved, its rating the satisfaction. It
 * hands {@code connector.DeskTicket}s to {@code connector.DeskFeed}; no Intercom type
 * leaves this package.
 */
package io.aftercare.intercom;
