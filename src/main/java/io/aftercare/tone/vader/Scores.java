package io.aftercare.tone.vader;

/**
 * VADER's four numbers for a text: the normalised compound score and the shares of
 * positive, neutral and negative weight.
 */
public record Scores(double compound, double positive, double neutral, double negative) {

	static final Scores NONE = new Scores(0, 0, 0, 0);

	/**
	 * Sums the words' valences, adds the punctuation emphasis in the sum's direction, and
	 * normalises; the shares count each rated word as one plus its valence and each
	 * unrated word as one, the emphasis going to the stronger side.
	 */
	static Scores of(double[] valences, double emphasis, double alpha) {
		double sum = 0;
		double positive = 0;
		double negative = 0;
		int neutral = 0;
		for (double valence : valences) {
			sum += valence;
			if (valence > 0) {
				positive += valence + 1;
			}
			else if (valence < 0) {
				negative += valence - 1;
			}
			else {
				neutral++;
			}
		}
		if (sum > 0) {
			sum += emphasis;
		}
		else if (sum < 0) {
			sum -= emphasis;
		}
		double compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + alpha)));
		if (positive > -negative) {
			positive += emphasis;
		}
		else if (positive < -negative) {
			negative -= emphasis;
		}
		double total = positive - negative + neutral;
		return new Scores(round(compound, 4), round(positive / total, 3), round(neutral / total, 3),
				round(-negative / total, 3));
	}

	private static double round(double value, int places) {
		double scale = Math.pow(10, places);
		return Math.round(value * scale) / scale;
	}

}
