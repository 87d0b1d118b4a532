package io.aftercare.chat.intent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Finds the customers a name typed in the chat may mean, forgiving case, spacing,
 * punctuation, legal suffixes and small typos: "tech flow", "TechFlow Inc." and
 * "Tehcflow" all mean "TechFlow".
 * <p>
 * Matches come in tiers and only the best tier is returned: the same name (a match here
 * hides every other); else every name the phrase begins ("acme" for "Acme Widgets"),
 * shortest first; else the names closest by a few typos. Several matches mean the caller
 * should ask which one.
 */
public final class CustomerMatcher {

	// Phrases shorter than this match only exactly or as a prefix: "hq" is one typo from
	// too many names to mean any of them.
	private static final int SHORTEST_TYPO_PHRASE = 3;

	// "a" is the start of half the book of business.
	private static final int SHORTEST_PREFIX = 2;

	// Names up to this long (normalised) allow one typo, longer names two.
	private static final int SHORT_NAME = 5;

	private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "incorporated", "llc", "llp", "ltd", "limited",
			"corp", "corporation", "co", "company", "gmbh", "plc", "ag");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern POSSESSIVE = Pattern.compile("['’]s\\b");

	private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");

	/**
	 * The customers the phrase may mean, best first.
	 * @param phrase the name as typed; may be {@code null}
	 * @param candidates the customers to choose from; may be {@code null}
	 * @return the best matches, best first; empty when none is close enough
	 */
	public List<CustomerMatch> match(String phrase, List<CustomerName> candidates) {
		if (phrase == null || candidates == null) {
			return List.of();
		}
		Name typed = Name.of(phrase);
		if (typed.core().isEmpty()) {
			return List.of();
		}
		List<Candidate> named = candidates.stream()
			.filter(Objects::nonNull)
			.map((candidate) -> new Candidate(candidate, Name.of(candidate.name())))
			.toList();
		List<CustomerMatch> same = matches(named, (candidate) -> sameName(typed, candidate));
		if (!same.isEmpty()) {
			return same;
		}
		if (typed.core().length() >= SHORTEST_PREFIX) {
			List<CustomerMatch> prefixes = matches(named, (candidate) -> prefix(typed, candidate));
			if (!prefixes.isEmpty()) {
				return prefixes;
			}
		}
		if (typed.core().length() >= SHORTEST_TYPO_PHRASE) {
			List<CustomerMatch> typos = matches(named, (candidate) -> typos(typed, candidate));
			// Only the closest: "Globx" means Globex, not also a name two typos away.
			return typos.isEmpty() ? typos
					: typos.stream().filter((match) -> match.distance() == typos.get(0).distance()).toList();
		}
		return List.of();
	}

	private static List<CustomerMatch> matches(List<Candidate> candidates, ToIntFunction<Name> distance) {
		List<CustomerMatch> matches = new ArrayList<>();
		for (Candidate candidate : candidates) {
			int d = distance.applyAsInt(candidate.normalised());
			if (d >= 0) {
				matches.add(new CustomerMatch(candidate.name().id(), candidate.name().name(), d));
			}
		}
		matches.sort(Comparator.comparingInt(CustomerMatch::distance)
			.thenComparing((match) -> match.name().toLowerCase(Locale.ROOT))
			.thenComparingLong(CustomerMatch::id));
		return matches;
	}

	// Each returns the distance, or -1 when the candidate does not match that way.

	private static int sameName(Name typed, Name candidate) {
		return typed.core().equals(candidate.core()) ? 0 : -1;
	}

	private static int prefix(Name typed, Name candidate) {
		if (candidate.core().startsWith(typed.core())) {
			return candidate.core().length() - typed.core().length();
		}
		// "acme c" is a prefix of "Acme Corp" only with the suffix kept.
		if (candidate.full().startsWith(typed.full())) {
			return candidate.full().length() - typed.full().length();
		}
		return -1;
	}

	private static int typos(Name typed, Name candidate) {
		int allowed = (candidate.core().length() <= SHORT_NAME) ? 1 : 2;
		// With the suffixes kept too, so that "Acme Crop" is one typo from "Acme Corp".
		int distance = Math.min(closeness(typed.core(), candidate.core(), allowed),
				closeness(typed.full(), candidate.full(), allowed));
		return (distance <= allowed) ? distance : -1;
	}

	/**
	 * The edit distance, or more than {@code allowed} without computing it when the
	 * lengths alone differ by more: a long paragraph pasted into the chat then costs a
	 * length comparison per customer, not its length times every name of the book.
	 */
	private static int closeness(String typed, String candidate, int allowed) {
		if (Math.abs(typed.length() - candidate.length()) > allowed) {
			return allowed + 1;
		}
		return EditDistance.between(typed, candidate);
	}

	private record Candidate(CustomerName name, Name normalised) {
	}

	/**
	 * A name reduced to lower-case letters and digits, without a leading "the", with
	 * ({@code full}) and without ({@code core}) its legal suffixes.
	 */
	private record Name(String core, String full) {

		static Name of(String name) {
			String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
			plain = POSSESSIVE.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
			List<String> words = new ArrayList<>(
					Arrays.stream(NOT_LETTERS_OR_DIGITS.split(plain)).filter((word) -> !word.isEmpty()).toList());
			if (words.size() > 1 && words.get(0).equals("the")) {
				words.remove(0);
			}
			String full = String.join("", words);
			// A company called just "Company" keeps its name.
			while (words.size() > 1 && LEGAL_SUFFIXES.contains(words.get(words.size() - 1))) {
				words.remove(words.size() - 1);
			}
			return new Name(String.join("", words), full);
		}

	}

}
