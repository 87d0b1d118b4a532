package io.aftercare.tone;

/**
 * What a customer's reply to a follow-up says, as {@link ReplyReader} reads it.
 */
public enum ReplyKind {

	/** The problem is solved and the customer is content. */
	POSITIVE("all good"),

	/** The problem is back, or was never gone. */
	STILL_BROKEN("still broken"),

	/** The customer is angry or fed up, whatever the state of the problem. */
	FRUSTRATED("frustrated"),

	/** The customer asks to talk: a call, a meeting. */
	WANTS_A_CALL("wants a call"),

	/** Anything else: a question, an out-of-office text, a plain acknowledgement. */
	OTHER("other");

	private final String label;

	ReplyKind(String label) {
		this.label = label;
	}

	/** The kind in words a CSM reads, such as "still broken". */
	public String label() {
		return this.label;
	}

}
