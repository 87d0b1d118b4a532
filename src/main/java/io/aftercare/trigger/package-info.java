/**
 * Follow-ups Aftercare prepares without being asked: it listens to ticket resolutions,
 * reopenings and ratings, and when a rule says a ticket calls for a personal follow-up (a
 * high-priority ticket, a repeat, an at-risk customer, a bad rating) it drafts one for
 * the CSM who owns the customer, after a delay that lets the fix prove itself, covering
 * the customer's tickets resolved meanwhile in one email. Nothing is sent without a
 * person. Sits above {@code followup}: it only listens and asks.
 */
package io.aftercare.trigger;
