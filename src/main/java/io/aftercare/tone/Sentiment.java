package io.aftercare.tone;

/**
 * How positive or negative a text reads, as VADER scores it.
 *
 * @param compound the normalised overall score, from -1 (most negative) to +1 (most
 * positive); VADER's usual reading is positive from 0.05 and negative from -0.05
 * @param positive the share of the text that reads positive, 0 to 1
 * @param neutral the share of the text that reads neutral, 0 to 1
 * @param negative the share of the text that reads negative, 0 to 1
 */
public record Sentiment(double compound, double positive, double neutral, double negative) {

	/** What a text with no rated words, or no words at all, scores. */
	public static final Sentiment NONE = new Sentiment(0, 0, 0, 0);

	/** VADER's threshold: from here on up a text reads positive. */
	public static final double POSITIVE_FROM = 0.05;

	/** VADER's threshold: from here on down a text reads negative. */
	public static final double NEGATIVE_FROM = -0.05;

	public Sentiment {
		if (!(compound >= -1 && compound <= 1)) {
			throw new IllegalArgumentException("compound must be between -1 and 1, was " + compound);
		}
	}

	/** Whether the text reads positive by VADER's usual threshold. */
	public boolean isPositive() {
		return this.compound >= POSITIVE_FROM;
	}

	/** Whether the text reads negative by VADER's usual threshold. */
	public boolean isNegative() {
		return this.compound <= NEGATIVE_FROM;
	}

}
