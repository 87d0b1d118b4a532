package io.aftercare.followup;

/**
 * Where a follow-up stands. Only an {@code APPROVED} follow-up, approved in its current
 * wording, can be sent; sending queues it ({@code QUEUED}, due now or at a chosen time),
 * an attempt to hand it to the mail server makes it {@code SENDING} until the outcome is
 * known, then {@code SENT}, or {@code FAILED}, which keeps the approval so the same text
 * can be sent again. {@code ON_HOLD} waits because its ticket was reopened, and comes
 * back as a draft when the ticket is resolved again.
 */
public enum FollowUpStatus {

	DRAFT, APPROVED, QUEUED, ON_HOLD, SENDING, SENT, FAILED, DISCARDED;

	/**
	 * Not sent, not queued or being sent, not discarded: it can still be edited, approved
	 * or sent (or, on hold, will be again).
	 */
	public boolean isOpen() {
		return this == DRAFT || this == APPROVED || this == FAILED || this == ON_HOLD;
	}

	/**
	 * Its wording can still change: open, or queued and not yet on its way (an edit takes
	 * it off the queue).
	 */
	public boolean isEditable() {
		return isOpen() || this == QUEUED;
	}

	/** Queued or being sent: on its way, not yet recorded as sent or failed. */
	public boolean isOnItsWay() {
		return this == QUEUED || this == SENDING;
	}

}
