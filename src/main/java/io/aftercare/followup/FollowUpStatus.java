package io.aftercare.followup;

/**
 * Where a follow-up stands. Only an {@code APPROVED} follow-up, approved in its current
 * wording, can be sent; {@code FAILED} keeps the approval so the same text can be sent
 * again.
 */
public enum FollowUpStatus {

	DRAFT, APPROVED, SENDING, SENT, FAILED, DISCARDED;

	/**
	 * Not sent, not being sent, not discarded: it can still be edited, approved or sent.
	 */
	public boolean isOpen() {
		return this == DRAFT || this == APPROVED || this == FAILED;
	}

}
