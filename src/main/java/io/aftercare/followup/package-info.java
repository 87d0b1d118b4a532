/**
 * The post-ticket follow-up: drafted from the ticket's assessment, edited and approved by
 * a CSM, sent once, then tracked. {@link io.aftercare.followup.FollowUpManagement} is the
 * API; {@link io.aftercare.followup.FollowUp} owns the rules of its lifecycle.
 */
package io.aftercare.followup;
