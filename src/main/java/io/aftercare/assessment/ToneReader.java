package io.aftercare.assessment;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.tone.ChurnThreats;
import io.aftercare.tone.Sentiment;
import io.aftercare.tone.SentimentAnalyzer;

/**
 * Reads the tone of a customer's own comments on a ticket with the
 * {@link SentimentAnalyzer}'s feeling score: VADER with the words that only name the
 * problem (error, fails, outage) left out, since every ticket describes a problem. The
 * same comments always give the same tone.
 * <p>
 * The strongest signal in any comment wins: angry over frustrated; positive only when no
 * comment reads negative; neutral otherwise. Angry is a strongly negative comment, a
 * threat to leave, or shouting (capitals, runs of exclamation marks) that is not joy.
 */
public final class ToneReader {

	/** A comment scoring this low or lower reads angry. */
	static final double ANGRY_FROM = -0.6;

	/** A comment scoring this low or lower reads frustrated. */
	static final double FRUSTRATED_FROM = -0.3;

	/** A comment scoring this high or higher reads positive, when none reads negative. */
	static final double POSITIVE_FROM = 0.3;

	// One "Thanks!!" is enthusiasm; "!!!" or "!!" more than once is anger.
	private static final Pattern EXCLAMATIONS = Pattern.compile("!{2,}");

	private static final int ANGRY_EXCLAMATION_RUNS = 2;

	private static final int ANGRY_EXCLAMATION_LENGTH = 3;

	// A comment shouts when at least this many of its words, and at least half of them,
	// are in capitals: "FIX IT NOW" shouts, "SSO fails with a SAML error" does not.
	private static final int SHOUTED_WORDS = 3;

	private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}']*");

	private final SentimentAnalyzer analyzer;

	public ToneReader(SentimentAnalyzer analyzer) {
		this.analyzer = analyzer;
	}

	/**
	 * The tone of the given comments.
	 * @param customerComments the customer's own comments; may be {@code null}, empty or
	 * contain {@code null} entries
	 * @return the tone, {@link Tone#NEUTRAL} when there is nothing to read
	 */
	public Tone read(List<String> customerComments) {
		if (customerComments == null) {
			return Tone.NEUTRAL;
		}
		List<String> comments = customerComments.stream().filter(Objects::nonNull).toList();
		List<Sentiment> feelings = comments.stream().map(this.analyzer::scoreFeeling).toList();
		double lowest = feelings.stream().mapToDouble(Sentiment::compound).min().orElse(0);
		double highest = feelings.stream().mapToDouble(Sentiment::compound).max().orElse(0);
		if (lowest <= ANGRY_FROM || comments.stream().anyMatch((comment) -> ChurnThreats.in(comment).isPresent())) {
			return Tone.ANGRY;
		}
		for (int i = 0; i < comments.size(); i++) {
			if (!feelings.get(i).isPositive() && shouts(comments.get(i))) {
				return Tone.ANGRY;
			}
		}
		if (exclaimsAngrily(comments, feelings)) {
			return Tone.ANGRY;
		}
		if (lowest <= FRUSTRATED_FROM) {
			return Tone.FRUSTRATED;
		}
		if (highest >= POSITIVE_FROM && lowest > Sentiment.NEGATIVE_FROM) {
			return Tone.POSITIVE;
		}
		return Tone.NEUTRAL;
	}

	private static boolean shouts(String comment) {
		int words = 0;
		int shouted = 0;
		Matcher word = WORD.matcher(comment);
		while (word.find()) {
			String text = word.group();
			words++;
			if (text.length() > 1 && text.equals(text.toUpperCase(Locale.ROOT))
					&& !text.equals(text.toLowerCase(Locale.ROOT))) {
				shouted++;
			}
		}
		return shouted >= SHOUTED_WORDS && shouted * 2 >= words;
	}

	/**
	 * Runs of exclamation marks in comments that do not read positive: "Perfect!!!" is
	 * joy.
	 */
	private static boolean exclaimsAngrily(List<String> comments, List<Sentiment> feelings) {
		int runs = 0;
		for (int i = 0; i < comments.size(); i++) {
			if (feelings.get(i).isPositive()) {
				continue;
			}
			Matcher exclamations = EXCLAMATIONS.matcher(comments.get(i));
			while (exclamations.find()) {
				if (exclamations.group().length() >= ANGRY_EXCLAMATION_LENGTH || ++runs >= ANGRY_EXCLAMATION_RUNS) {
					return true;
				}
			}
		}
		return false;
	}

}
