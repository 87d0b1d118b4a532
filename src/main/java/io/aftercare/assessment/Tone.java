package io.aftercare.assessment;

/**
 * Tone of the customer's own comments on a ticket, as {@link ToneReader} reads it.
 */
public enum Tone {

	POSITIVE, NEUTRAL, FRUSTRATED, ANGRY;

	/** Frustrated or angry: what an email to the customer says sorry for. */
	public boolean isUpset() {
		return this == FRUSTRATED || this == ANGRY;
	}

}
