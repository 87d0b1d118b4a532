package io.aftercare.tone;

import java.util.Set;

import io.aftercare.tone.vader.Lexicon;
import io.aftercare.tone.vader.Scores;
import io.aftercare.tone.vader.Vader;

import org.springframework.stereotype.Component;

/**
 * Scores how positive or negative a text reads: VADER's rules over VADER's lexicon and
 * Aftercare's support overlay ({@code tone/support-overlay.tsv}). Thread-safe: it holds
 * only the immutable lexicon, read once per class loader however many analyzers are made.
 */
@Component
public final class SentimentAnalyzer {

	/** "still broken", "still failing": the problem outlived the fix. */
	private static final Set<String> NEGATIVE_INTENSIFIERS = Set.of("still");

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
		return sentiment(Support.VADER.score(text));
	}

	/**
	 * How the writer feels, leaving out the words that only name what went wrong
	 * ({@code tone/problem-words.tsv}: error, fails, outage, broken, ...): "the export
	 * fails with an error" scores neutral, "I'm disappointed the export still isn't
	 * working" negative. For texts that describe a problem by nature, such as a ticket's
	 * comments.
	 * @param text any text; {@code null} or blank scores {@link Sentiment#NONE}
	 */
	public Sentiment scoreFeeling(String text) {
		if (text == null || text.isBlank()) {
			return Sentiment.NONE;
		}
		return sentiment(Support.FEELING.score(text));
	}

	private static Sentiment sentiment(Scores scores) {
		return new Sentiment(scores.compound(), scores.positive(), scores.neutral(), scores.negative());
	}

	/** Loaded on first use, then shared by every analyzer. */
	private static final class Support {

		private static final Vader.Extensions EXTENSIONS = new Vader.Extensions(NEGATIVE_INTENSIFIERS, true, true);

		static final Vader VADER = new Vader(
				Lexicon.fromClasspath("tone/vader_lexicon.txt", "tone/support-overlay.tsv"), EXTENSIONS);

		static final Vader FEELING = new Vader(
				Lexicon.fromClasspath("tone/vader_lexicon.txt", "tone/support-overlay.tsv", "tone/problem-words.tsv"),
				EXTENSIONS);

	}

}
