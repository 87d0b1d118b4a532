package io.aftercare.chat.intent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into words the way names and requests are compared: lower case, accents
 * dropped, a possessive "'s" taken off and remembered, "&" read as "and".
 */
final class Words {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	// A word with its apostrophe endings ("TechFlow's", "don't"), an ampersand, or the
	// marker that stands where a ticket number or a time was taken out.
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*|&|\\|");

	// Between two words, any of these ends a name: "techflow - follow up".
	private static final Pattern BREAK = Pattern.compile("[,;:!?()\\[\\]|/–—]|\\s-\\s|^-|-$|\\.\\s");

	private Words() {
	}

	/** One word of a sentence. */
	record Token(String word, String typed, int start, int end, boolean possessive, boolean capitalized,
			boolean breakBefore) {

		boolean isAnd() {
			return this.word.equals("and");
		}

	}

	/** The words of a text, in order. */
	static List<Token> of(String text) {
		List<Token> tokens = new ArrayList<>();
		Matcher matcher = WORD.matcher(text);
		int previousEnd = 0;
		boolean pendingBreak = false;
		while (matcher.find()) {
			String typed = matcher.group();
			boolean breakBefore = pendingBreak
					|| BREAK.matcher(text.substring(previousEnd, matcher.start())).find() && !tokens.isEmpty();
			pendingBreak = false;
			previousEnd = matcher.end();
			if (typed.equals("|")) {
				pendingBreak = true;
				continue;
			}
			String lower = plain(typed);
			boolean possessive = false;
			int apostrophe = lower.indexOf('\'');
			if (apostrophe > 0) {
				String ending = lower.substring(apostrophe + 1);
				possessive = ending.equals("s");
				lower = ending.equals("t") && lower.endsWith("n't") ? lower.substring(0, apostrophe - 1)
						: lower.substring(0, apostrophe);
			}
			else if (lower.equals("&")) {
				lower = "and";
			}
			tokens.add(new Token(lower, typed, matcher.start(), matcher.end(), possessive,
					Character.isUpperCase(typed.codePointAt(0)), breakBefore));
		}
		return tokens;
	}

	/** The text in lower case, accents dropped, curly apostrophes made straight. */
	static String plain(String text) {
		return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
			.replaceAll("")
			.replace('’', '\'')
			.toLowerCase(Locale.ROOT);
	}

	/**
	 * The words of a name, for comparing names: "The Home Depot" is [home, depot], "Maple
	 * &amp; Co Bakery" is [maple, co, bakery].
	 */
	static List<String> ofName(String name) {
		List<String> words = new ArrayList<>();
		for (Token token : of(name)) {
			if (!token.isAnd()) {
				words.add(token.word());
			}
		}
		if (words.size() > 1 && words.get(0).equals("the")) {
			words.remove(0);
		}
		return words;
	}

}
