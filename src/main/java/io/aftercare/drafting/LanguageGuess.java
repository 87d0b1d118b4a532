package io.aftercare.drafting;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses the language of a customer's own comments, offline, from the short words every
 * sentence is made of ("the", "und", "les", "que"). Reliable from a sentence or two;
 * fewer than {@value #ENOUGH} such words, or a near tie, is no guess at all.
 */
final class LanguageGuess {

	private static final int ENOUGH = 3;

	private static final Pattern WORDS = Pattern.compile("[^\\p{L}']+");

	private static final Map<Language, Set<String>> STOP_WORDS = new EnumMap<>(Map.of(
			Language.ENGLISH, Set.of("the", "and", "is", "are", "was", "we", "our", "you", "your", "it", "this", "that",
					"with", "for", "not", "have", "has", "of", "to", "in", "on", "but", "be", "been", "can", "please",
					"again", "still", "they", "what", "when", "why", "my", "i", "me", "there", "from", "any"),
			Language.GERMAN,
			Set.of("der", "die", "das", "und", "ist", "sind", "wir", "ihr", "sie", "nicht", "mit", "ein", "eine",
					"einen", "auf", "für", "von", "zu", "den", "dem", "des", "es", "ich", "auch", "noch", "aber",
					"bitte", "wieder", "schon", "haben", "hat", "wird", "werden", "kein", "keine", "uns", "unser",
					"unsere", "seit", "immer", "wenn", "warum"),
			Language.FRENCH,
			Set.of("le", "la", "les", "et", "est", "sont", "nous", "vous", "ne", "pas", "avec", "un", "une", "des",
					"du", "pour", "dans", "sur", "au", "aux", "ce", "cette", "je", "il", "elle", "mais", "encore",
					"toujours", "depuis", "notre", "nos", "votre", "vos", "merci", "qui", "que", "plus", "très",
					"être"),
			Language.SPANISH,
			Set.of("el", "los", "las", "y", "es", "son", "nosotros", "usted", "ustedes", "no", "con", "un", "una",
					"del", "para", "por", "en", "que", "pero", "todavía", "sigue", "desde", "nuestro", "nuestra",
					"nuestros", "su", "sus", "gracias", "muy", "está", "están", "otra", "vez", "hay", "tenemos",
					"cuando", "porque")));

	private LanguageGuess() {
	}

	/** The language most of the short words belong to, if the comments say enough. */
	static Optional<Language> of(List<String> texts) {
		if (texts == null || texts.isEmpty()) {
			return Optional.empty();
		}
		Map<Language, Integer> counts = new EnumMap<>(Language.class);
		for (String text : texts) {
			for (String word : WORDS.split(text.toLowerCase(Locale.ROOT))) {
				STOP_WORDS.forEach((language, words) -> {
					if (words.contains(word)) {
						counts.merge(language, 1, Integer::sum);
					}
				});
			}
		}
		Language best = null;
		int top = 0;
		int second = 0;
		for (Map.Entry<Language, Integer> count : counts.entrySet()) {
			if (count.getValue() > top) {
				second = top;
				top = count.getValue();
				best = count.getKey();
			}
			else if (count.getValue() > second) {
				second = count.getValue();
			}
		}
		// A tie or a near one says nothing: mixed text, or names that happen to be words.
		if (best == null || top < ENOUGH || top < second * 3 / 2 + 1) {
			return Optional.empty();
		}
		return Optional.of(best);
	}

}
