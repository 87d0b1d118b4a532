/**
 * The post-ticket follow-up: drafted from the ticket's assessment, edited and approved by
 * a CSM, sent once, then tracked. {@link io.aftercare.followup.FollowUpManagement} and
 * {@link io.aftercare.followup.FollowUpSender} are the API;
 * {@link io.aftercare.followup.FollowUp} owns the rules of its lifecycle. Every change is
 * announced as an event ({@code FollowUpDrafted} ... {@code FollowUpSent}) for the
 * modules above this one: reminders, the audit trail, the chat.
 */
package io.aftercare.followup;
