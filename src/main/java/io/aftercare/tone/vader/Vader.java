package io.aftercare.tone.vader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VADER's rules (Hutto &amp; Gilbert, 2014) over a {@link Lexicon}: a word's rated
 * valence is raised by capitals and by the intensifiers before it, lowered by dampeners,
 * flipped and shrunk by a negation within three words, weighted around "but", and the
 * sum, raised by exclamation and question marks, is normalised to a compound score in
 * [-1, 1].
 * <p>
 * Written from the paper's description and the reference implementation's observable
 * scores (checked on a sample in the tests); its constants are the paper's empirically
 * derived ones. Immutable and thread-safe.
 */
public final class Vader {

	/** How much an intensifier raises, or a dampener lowers, the word after it. */
	static final double BOOST = 0.293;

	/** How much a word in capitals, among words that are not, gains. */
	static final double CAPITALS = 0.733;

	/** What a negation multiplies a valence by: it flips and weakens it. */
	static final double NEGATION = -0.74;

	/** What each exclamation mark adds, for at most {@link #MAX_EXCLAMATIONS}. */
	static final double EXCLAMATION = 0.292;

	static final int MAX_EXCLAMATIONS = 4;

	/** What each question mark adds when there are two or three. */
	static final double QUESTION = 0.18;

	/** What four or more question marks add. */
	static final double MANY_QUESTIONS = 0.96;

	/** The sum's expected extreme, for the normalisation s / sqrt(s^2 + alpha). */
	static final double ALPHA = 15;

	// Intensifiers raise the next word's valence, dampeners lower it
	// (https://en.wiktionary.org/wiki/Category:English_degree_adverbs, as VADER lists
	// them).
	private static final Set<String> INTENSIFIERS = Set.of("absolutely", "amazingly", "awfully", "completely",
			"considerably", "decidedly", "deeply", "effing", "enormously", "entirely", "especially", "exceptionally",
			"extremely", "fabulously", "flipping", "flippin", "fricking", "frickin", "frigging", "friggin", "fully",
			"fucking", "greatly", "hella", "highly", "hugely", "incredibly", "intensely", "majorly", "more", "most",
			"particularly", "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly", "totally",
			"tremendously", "uber", "unbelievably", "unusually", "utterly", "very");

	private static final Set<String> DAMPENERS = Set.of("almost", "barely", "hardly", "kinda", "kindof", "kind-of",
			"less", "little", "marginally", "occasionally", "partly", "scarcely", "slightly", "somewhat", "sorta",
			"sortof", "sort-of");

	/** Two-word dampeners, which lower a word two or three places after them. */
	private static final Set<String> DAMPENING_PHRASES = Set.of("just enough", "kind of", "sort of");

	private static final Set<String> NEGATIONS = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt",
			"doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt",
			"havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't",
			"mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
			"oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh",
			"wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

	/** Idioms whose valence replaces that of the rated word inside them. */
	private static final Map<String, Double> IDIOMS = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5,
			"yeah right", -2.0, "cut the mustard", 2.0, "kiss of death", -1.5, "hand to mouth", -2.0);

	/** How much an intensifier counts at one, two and three words before the word. */
	private static final double[] BOOST_BY_DISTANCE = { 1.0, 0.95, 0.9 };

	private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^\\p{Punct}+|\\p{Punct}+$");

	private final Lexicon lexicon;

	private final Set<String> negativeIntensifiers;

	private final boolean noNegates;

	private final boolean ratesPhrases;

	/**
	 * VADER as its reference implementation scores.
	 * @param lexicon the rated words
	 */
	public Vader(Lexicon lexicon) {
		this(lexicon, Extensions.NONE);
	}

	/**
	 * VADER with extensions.
	 * @param lexicon the rated words
	 * @param extensions rules beyond the reference implementation's
	 */
	public Vader(Lexicon lexicon, Extensions extensions) {
		this.lexicon = lexicon;
		this.negativeIntensifiers = extensions.negativeIntensifiers();
		this.noNegates = extensions.noNegates();
		this.ratesPhrases = extensions.ratesPhrases();
	}

	/**
	 * Rules beyond those of the reference implementation (vader-sentiment 1.1.3).
	 *
	 * @param negativeIntensifiers words that, like an intensifier, strengthen the word
	 * after them, but only a negative one ("still broken", not "still great")
	 * @param noNegates whether "no" negates a rated word one or two places after it and
	 * then counts as neutral itself ("no issues", "no problems at all"), as later Python
	 * releases of VADER do; without it "no" only counts as a negative word (-1.2)
	 * @param ratesPhrases whether the lexicon's phrases ("thanks for nothing") replace
	 * what their words score
	 */
	public record Extensions(Set<String> negativeIntensifiers, boolean noNegates, boolean ratesPhrases) {

		/** The reference implementation's rules, nothing more. */
		public static final Extensions NONE = new Extensions(Set.of(), false, false);

		public Extensions {
			negativeIntensifiers = Set.copyOf(negativeIntensifiers);
		}

	}

	/** Scores a text. */
	public Scores score(String text) {
		List<String> words = words(text, this.noNegates);
		if (words.isEmpty()) {
			return Scores.NONE;
		}
		boolean someShouted = someButNotAllShouted(words);
		double[] valences = new double[words.size()];
		Double[] phrases = this.ratesPhrases ? phrases(words) : new Double[words.size()];
		for (int i = 0; i < words.size(); i++) {
			valences[i] = (phrases[i] != null) ? phrases[i] : valence(words, i, someShouted, phrases);
		}
		weighAroundBut(words, valences);
		return Scores.of(valences, punctuationEmphasis(text), ALPHA);
	}

	/**
	 * The text's words: split at white space, each stripped of leading and trailing
	 * punctuation unless that would leave less than two characters (so emoticons such as
	 * ":)" and ":D" stay whole), single characters dropped.
	 */
	static List<String> words(String text) {
		return words(text, false);
	}

	/**
	 * The text's words; with {@code answersKeepPunctuation} a "no" followed by
	 * punctuation ("No, it works") keeps it: it answers a question, it negates nothing
	 * after it and is no rated word.
	 */
	private static List<String> words(String text, boolean answersKeepPunctuation) {
		List<String> words = new ArrayList<>();
		// Mail clients type typographic apostrophes: "don’t" must negate like "don't".
		String plain = text.replace('\u2019', '\'').replace('\u2018', '\'');
		for (String token : WHITESPACE.split(plain)) {
			if (token.length() < 2) {
				continue;
			}
			String stripped = EDGE_PUNCTUATION.matcher(token).replaceAll("");
			boolean answer = answersKeepPunctuation && "no".equals(lower(stripped)) && !token.equals(stripped);
			words.add((stripped.length() >= 2 && !answer) ? stripped : token);
		}
		return words;
	}

	private double valence(List<String> words, int i, boolean someShouted, Double[] phrases) {
		String word = words.get(i);
		String lower = lower(word);
		if (isBooster(lower)
				|| ("kind".equals(lower) && i + 1 < words.size() && "of".equals(lower(words.get(i + 1))))) {
			return 0;
		}
		if (!this.lexicon.rates(word)) {
			return 0;
		}
		if (this.noNegates && "no".equals(lower) && i + 1 < words.size() && this.lexicon.rates(words.get(i + 1))) {
			return 0;
		}
		double valence = this.lexicon.valence(word).getAsDouble();
		if (someShouted && shouted(word)) {
			valence += (valence > 0) ? CAPITALS : -CAPITALS;
		}
		for (int distance = 1; distance <= 3 && distance <= i; distance++) {
			String before = words.get(i - distance);
			if (this.lexicon.rates(before) || phrases[i - distance] != null) {
				continue;
			}
			valence += boost(before, valence, someShouted) * BOOST_BY_DISTANCE[distance - 1];
			valence = negate(words, i, distance, valence);
			if (distance == 3) {
				valence = idioms(words, i, valence);
			}
		}
		if (this.noNegates && (saysNo(words, i - 1) || saysNo(words, i - 2))) {
			// "no" is rated, so the look-back above skipped it.
			valence *= NEGATION;
		}
		return least(words, i, valence);
	}

	private static boolean saysNo(List<String> words, int index) {
		return index >= 0 && "no".equals(lower(words.get(index)));
	}

	/**
	 * What the lexicon's phrases rate, by word: the phrase's valence at its first word, 0
	 * at the others, {@code null} outside phrases. "Thanks for nothing" is no thanks, and
	 * its "nothing" negates nothing after it.
	 */
	private Double[] phrases(List<String> words) {
		Double[] rated = new Double[words.size()];
		this.lexicon.phrases().forEach((phrase, valence) -> {
			for (int start = 0; start + phrase.size() <= words.size(); start++) {
				if (matches(words, start, phrase)) {
					rated[start] = valence;
					for (int i = start + 1; i < start + phrase.size(); i++) {
						rated[i] = 0.0;
					}
				}
			}
		});
		return rated;
	}

	private static boolean matches(List<String> words, int start, List<String> phrase) {
		for (int i = 0; i < phrase.size(); i++) {
			if (!phrase.get(i).equals(lower(words.get(start + i)))) {
				return false;
			}
		}
		return true;
	}

	private boolean isBooster(String lower) {
		return INTENSIFIERS.contains(lower) || DAMPENERS.contains(lower);
	}

	/**
	 * What a word before a rated word adds to its valence, before the distance weight.
	 */
	private double boost(String word, double valence, boolean someShouted) {
		String lower = lower(word);
		double boost;
		if (INTENSIFIERS.contains(lower)) {
			boost = BOOST;
		}
		else if (DAMPENERS.contains(lower)) {
			boost = -BOOST;
		}
		else if (this.negativeIntensifiers.contains(lower) && valence < 0) {
			boost = BOOST;
		}
		else {
			return 0;
		}
		// Intensifying makes a negative word more negative.
		if (valence < 0) {
			boost = -boost;
		}
		if (someShouted && shouted(word)) {
			boost += (valence > 0) ? CAPITALS : -CAPITALS;
		}
		return boost;
	}

	/**
	 * A negation one to three words before flips and weakens the valence; "never so" and
	 * "never this" strengthen it instead. As in the reference implementation, a word
	 * right after "so" or "this" gains a quarter when the third word before it is not
	 * rated.
	 */
	private static double negate(List<String> words, int i, int distance, double valence) {
		String before = lower(words.get(i - distance));
		if (distance == 1) {
			return negation(before) ? valence * NEGATION : valence;
		}
		String previous = lower(words.get(i - 1));
		if (distance == 2) {
			if ("never".equals(before) && soOrThis(previous)) {
				return valence * 1.5;
			}
			return negation(before) ? valence * NEGATION : valence;
		}
		if (("never".equals(before) && soOrThis(lower(words.get(i - 2)))) || soOrThis(previous)) {
			return valence * 1.25;
		}
		return negation(before) ? valence * NEGATION : valence;
	}

	private static boolean soOrThis(String lower) {
		return "so".equals(lower) || "this".equals(lower);
	}

	static boolean negation(String lower) {
		return NEGATIONS.contains(lower) || lower.contains("n't");
	}

	/**
	 * Idioms around the word replace its valence; a dampening phrase before lowers it.
	 */
	private static double idioms(List<String> words, int i, double valence) {
		String[] before = { phrase(words, i - 1, i), phrase(words, i - 2, i), phrase(words, i - 2, i - 1),
				phrase(words, i - 3, i - 1), phrase(words, i - 3, i - 2) };
		for (String candidate : before) {
			Double idiom = IDIOMS.get(candidate);
			if (idiom != null) {
				valence = idiom;
				break;
			}
		}
		if (i + 1 < words.size()) {
			valence = IDIOMS.getOrDefault(phrase(words, i, i + 1), valence);
		}
		if (i + 2 < words.size()) {
			valence = IDIOMS.getOrDefault(phrase(words, i, i + 2), valence);
		}
		if (DAMPENING_PHRASES.contains(phrase(words, i - 3, i - 2))
				|| DAMPENING_PHRASES.contains(phrase(words, i - 2, i - 1))) {
			valence -= BOOST;
		}
		return valence;
	}

	/** The words from {@code first} to {@code last}, both included, in lower case. */
	private static String phrase(List<String> words, int first, int last) {
		return lower(String.join(" ", words.subList(first, last + 1)));
	}

	/**
	 * "least" right before a word negates it, unless it is "at least" or "very least".
	 */
	private static double least(List<String> words, int i, double valence) {
		if (i == 0 || !"least".equals(lower(words.get(i - 1)))) {
			return valence;
		}
		if (i > 1 && Set.of("at", "very").contains(lower(words.get(i - 2)))) {
			return valence;
		}
		return valence * NEGATION;
	}

	/**
	 * "but" shifts the weight to what follows it: words before count half, words after
	 * one and a half times.
	 */
	private static void weighAroundBut(List<String> words, double[] valences) {
		int but = -1;
		for (int i = 0; i < words.size() && but < 0; i++) {
			if ("but".equals(lower(words.get(i)))) {
				but = i;
			}
		}
		if (but < 0) {
			return;
		}
		for (int i = 0; i < valences.length; i++) {
			if (i < but) {
				valences[i] *= 0.5;
			}
			else if (i > but) {
				valences[i] *= 1.5;
			}
		}
	}

	/** Exclamation and question marks anywhere in the text strengthen its sentiment. */
	static double punctuationEmphasis(String text) {
		long exclamations = text.chars().filter((c) -> c == '!').count();
		long questions = text.chars().filter((c) -> c == '?').count();
		double emphasis = Math.min(exclamations, MAX_EXCLAMATIONS) * EXCLAMATION;
		if (questions > 3) {
			emphasis += MANY_QUESTIONS;
		}
		else if (questions > 1) {
			emphasis += questions * QUESTION;
		}
		return emphasis;
	}

	/** Capitals draw attention only when some words are shouted and others are not. */
	private static boolean someButNotAllShouted(List<String> words) {
		long shouted = words.stream().filter(Vader::shouted).count();
		return shouted > 0 && shouted < words.size();
	}

	/**
	 * Whether a word is in capitals: it has upper-case letters and no lower-case ones.
	 */
	static boolean shouted(String word) {
		boolean upper = false;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (Character.isLowerCase(c)) {
				return false;
			}
			upper |= Character.isUpperCase(c);
		}
		return upper;
	}

	private static String lower(String word) {
		return word.toLowerCase(Locale.ROOT);
	}

}
