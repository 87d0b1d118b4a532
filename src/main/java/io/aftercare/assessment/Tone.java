package io.aftercare.assessment;

/**
 * Tone of the customer's own comments on a ticket, as {@link ToneReader} reads it.
 */
public enum Tone {

	POSITIVE, NEUTRAL, FRUSTRATED, ANGRY

}
