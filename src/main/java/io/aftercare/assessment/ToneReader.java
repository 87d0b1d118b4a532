package io.aftercare.assessment;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tone of a customer's own comments on a ticket from a fixed lexicon, so the
 * same comments always give the same tone and a CSM can tell why.
 * <p>
 * The strongest signal anywhere in the comments wins: angry over frustrated; positive
 * only when nothing negative was said; neutral otherwise.
 */
public final class ToneReader {

	// The whole lexicon. Each entry is a regular expression matched case-insensitively
	// between word boundaries, so "again" does not match "against"; a trailing \w* makes
	// a stem ("frustrat\w*" for frustrated, frustrating, frustration).

	private static final Pattern ANGRY = words("unacceptable", "not acceptable", "furious", "ridiculous", "cancel\\w*",
			"terrible", "worst", "lawyers?", "legal action", "switch\\w* to (a |another )?competitors?");

	private static final Pattern FRUSTRATED = words("frustrat\\w*",
			"still (not|doesn't|does not|isn't|is not|broken|failing)",
			// "Thanks again" is gratitude, not a recurring problem.
			"(?<!thanks )(?<!thank you )again", "disappoint\\w*", "urgent\\w*", "block(s|ed|ing|er|ers)?", "losing",
			"annoy\\w*", "not (happy|great|good)");

	private static final Pattern POSITIVE = words("thank\\w*", "thx", "great", "appreciat\\w*", "perfect\\w*",
			"awesome", "excellent", "helpful");

	// One "Thanks!!" is enthusiasm; "!!!" or "!!" more than once is anger.
	private static final Pattern EXCLAMATIONS = Pattern.compile("!{2,}");

	private static final int ANGRY_EXCLAMATION_RUNS = 2;

	private static final int ANGRY_EXCLAMATION_LENGTH = 3;

	// A comment shouts when at least this many of its words, and at least half of them,
	// are in capitals: "FIX IT NOW" shouts, "SSO fails with a SAML error" does not.
	private static final int SHOUTED_WORDS = 3;

	private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}']*");

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
		if (comments.stream().anyMatch(ToneReader::soundsAngry)) {
			return Tone.ANGRY;
		}
		if (exclaimsAngrily(comments)) {
			return Tone.ANGRY;
		}
		if (comments.stream().anyMatch((comment) -> FRUSTRATED.matcher(comment).find())) {
			return Tone.FRUSTRATED;
		}
		if (comments.stream().anyMatch((comment) -> POSITIVE.matcher(comment).find())) {
			return Tone.POSITIVE;
		}
		return Tone.NEUTRAL;
	}

	private static boolean soundsAngry(String comment) {
		return ANGRY.matcher(comment).find() || shouts(comment);
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

	private static boolean exclaimsAngrily(List<String> comments) {
		int runs = 0;
		for (String comment : comments) {
			Matcher exclamations = EXCLAMATIONS.matcher(comment);
			while (exclamations.find()) {
				if (exclamations.group().length() >= ANGRY_EXCLAMATION_LENGTH || ++runs >= ANGRY_EXCLAMATION_RUNS) {
					return true;
				}
			}
		}
		return false;
	}

	private static Pattern words(String... terms) {
		return Pattern.compile("\\b(?:" + String.join("|", terms) + ")\\b",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

}
