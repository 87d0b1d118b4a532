package io.aftercare.tone;

import io.aftercare.tone.vader.Lexicon;

import org.springframework.stereotype.Component;

/**
 * Scores how positive or negative a text reads, the way VADER does. Thread-safe: it holds
 * only the immutable lexicon, read once per class loader.
 */
@Component
public final class SentimentAnalyzer {

	private static final double NORMALISATION = 15;

	public SentimentAnalyzer() {
	}

	/**
	 * The sentiment of the given text.
	 * @param text any text; {@code null} or blank scores {@link Sentiment#NONE}
	 */
	public Sentiment score(String text) {
		if (text == null || text.isBlank()) {
			return Sentiment.NONE;
		}
		double sum = 0;
		for (String word : text.split("\\s+")) {
			sum += Lexicons.STANDARD.valence(word.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "")).orElse(0);
		}
		double compound = sum / Math.sqrt(sum * sum + NORMALISATION);
		return new Sentiment(compound, Math.max(compound, 0), 1 - Math.abs(compound), Math.max(-compound, 0));
	}

	/** Holds the lexicon, loaded on first use and then shared. */
	private static final class Lexicons {

		static final Lexicon STANDARD = Lexicon.fromClasspath("tone/vader_lexicon.txt");

	}

}
