package io.aftercare.reply.message;

/**
 * What an incoming message is: the customer's reply, a message a machine sent in its
 * stead (an out-of-office or other auto-reply), or a bounce (the receiving side could not
 * deliver, for good or for now).
 */
public enum MailKind {

	REPLY, AUTO_REPLY, HARD_BOUNCE, SOFT_BOUNCE;

	/** Whether it tells anything from the customer. */
	public boolean isAnswer() {
		return this == REPLY;
	}

	public boolean isBounce() {
		return this == HARD_BOUNCE || this == SOFT_BOUNCE;
	}

}
