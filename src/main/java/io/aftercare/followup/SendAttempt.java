package io.aftercare.followup;

/**
 * What one request to send a follow-up did, and the follow-up as it stands after it.
 */
public record SendAttempt(FollowUp followUp, Result result) {

	public enum Result {

		/** This request handed the email over. */
		SENT,

		/** It had gone out before; nothing was sent again. */
		ALREADY_SENT,

		/** Another request is sending it right now; this one sent nothing. */
		BEING_SENT

	}

}
