package io.aftercare.followup;

/**
 * What one request to send a follow-up did, and the follow-up as it stands after it.
 */
public record SendAttempt(FollowUp followUp, Result result) {

	public enum Result {

		/** This request queued the email and it went out while the request waited. */
		SENT,

		/**
		 * This request queued the email for now; it is not out yet (the mail server is
		 * slow, deferred it or is out of reach): the queue keeps trying.
		 */
		QUEUED,

		/** This request queued the email for a later time. */
		SCHEDULED,

		/** It had gone out before; nothing was sent again. */
		ALREADY_SENT,

		/** It was queued or being sent already; this request sent nothing. */
		BEING_SENT

	}

}
