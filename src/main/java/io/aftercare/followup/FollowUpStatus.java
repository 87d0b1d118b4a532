package io.aftercare.followup;

/**
 * Where a follow-up stands. Only an {@code APPROVED} follow-up, approved in its current
 * wording, can be sent; {@code FAILED} keeps the approval so the same text can be sent
 * again; {@code ON_HOLD} waits because its ticket was reopened, and comes back as a draft
 * when the ticket is resolved again.
 */
public enum FollowUpStatus {

	DRAFT, APPROVED, ON_HOLD, SENDING, SENT, FAILED, DISCARDED;

	/**
	 * Not sent, not being sent, not discarded: it can still be edited, approved or sent
	 * (or, on hold, will be again).
	 */
	public boolean isOpen() {
		return this == DRAFT || this == APPROVED || this == FAILED || this == ON_HOLD;
	}

}
