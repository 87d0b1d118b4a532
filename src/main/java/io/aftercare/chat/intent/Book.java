package io.aftercare.chat.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.aftercare.chat.intent.Words.Token;

/**
 * A CSM's book of business as the parser reads it: the customers they own and their
 * contacts, indexed so that a customer can be found <em>inside</em> a sentence ("I want
 * to reach out to TechFlow now that their sync issue is fixed"), forgiving case, spacing,
 * possessives, legal suffixes and small typos, by the longest match.
 * <p>
 * What a sentence costs is bounded by its number of words, not by the size of the book
 * times its length: every stretch of up to a few words is looked up in hash tables built
 * once per book (names, the first words of names, and, for typos, every name with one
 * character left out, which finds every name one edit away and many two edits away).
 * Building the tables costs a few hash insertions per customer.
 */
public final class Book {

	/** A book with nobody in it. */
	public static final Book EMPTY = of(List.of(), List.of());

	// Names are looked up as runs of at most this many words.
	private static final int LONGEST_NAME = 6;

	// Typos are forgiven in names of at least this many letters, so that a short word
	// ("acne") is never taken for a short name ("Acme").
	private static final int SHORTEST_TYPO_NAME = 5;

	// Names up to this long allow one typo, longer names two.
	private static final int SHORT_NAME = 7;

	// A word this long may be the start of a name ("tech" for TechFlow and Techline).
	private static final int SHORTEST_START = 4;

	// The most customers a start of a name is taken to mean: enough to ask which.
	private static final int MOST_STARTS = 8;

	private final List<CustomerName> customers;

	private final List<ContactName> contacts;

	private final Map<String, List<Hit>> names = new HashMap<>();

	private final Map<String, List<Integer>> oneLeftOut = new HashMap<>();

	private final List<TypoKey> typoKeys = new ArrayList<>();

	private final String[] starts;

	private final int[] startOwners;

	private final Map<String, List<Integer>> contactNames = new HashMap<>();

	private final Map<String, List<Integer>> contactFirstNames = new HashMap<>();

	private Book(List<CustomerName> customers, List<ContactName> contacts) {
		this.customers = customers;
		this.contacts = contacts;
		List<Map.Entry<String, Integer>> starts = new ArrayList<>();
		for (int i = 0; i < customers.size(); i++) {
			List<String> full = Words.ofName(customers.get(i).name());
			if (full.isEmpty()) {
				continue;
			}
			List<String> core = core(full);
			String coreKey = String.join("", core);
			String fullKey = String.join("", full);
			add(coreKey, new Hit(i, Kind.EXACT, 0));
			add(fullKey, new Hit(i, Kind.EXACT, 0));
			typo(coreKey, i);
			// Most names have no legal suffix: index their typos once.
			if (!fullKey.equals(coreKey)) {
				typo(fullKey, i);
			}
			for (int k = 1; k < core.size(); k++) {
				String start = String.join("", core.subList(0, k));
				if (start.length() >= 3) {
					add(start, new Hit(i, Kind.FIRST_WORDS, coreKey.length() - start.length()));
					typo(start, i);
				}
			}
			starts.add(Map.entry(coreKey, i));
		}
		starts.sort(Map.Entry.comparingByKey());
		this.starts = starts.stream().map(Map.Entry::getKey).toArray(String[]::new);
		this.startOwners = starts.stream().mapToInt(Map.Entry::getValue).toArray();
		for (int i = 0; i < contacts.size(); i++) {
			List<String> words = Words.ofName(contacts.get(i).name());
			if (words.isEmpty()) {
				continue;
			}
			this.contactNames.computeIfAbsent(String.join("", words), (k) -> new ArrayList<>()).add(i);
			if (words.size() > 1 && words.get(0).length() >= 3) {
				this.contactFirstNames.computeIfAbsent(words.get(0), (k) -> new ArrayList<>()).add(i);
			}
		}
	}

	/**
	 * The book of the given customers and contacts.
	 * @param customers the customers the CSM owns
	 * @param contacts their contacts; a contact of a customer not given is ignored
	 */
	public static Book of(List<CustomerName> customers, List<ContactName> contacts) {
		List<CustomerName> owned = customers.stream().filter(Objects::nonNull).toList();
		List<Long> ids = owned.stream().map(CustomerName::id).toList();
		Set<Long> known = new HashSet<>(ids);
		return new Book(owned,
				contacts.stream().filter(Objects::nonNull).filter((c) -> known.contains(c.customerId())).toList());
	}

	/** The customers of the book. */
	public List<CustomerName> customers() {
		return this.customers;
	}

	/** The contact of one of the book's customers with this name, exactly. */
	public List<ContactName> contactsNamed(String name) {
		return this.contactNames.getOrDefault(String.join("", Words.ofName(name)), List.of())
			.stream()
			.map(this.contacts::get)
			.toList();
	}

	/** A name minus its legal suffixes, keeping at least one word. */
	static List<String> core(List<String> words) {
		int end = words.size();
		while (end > 1 && Vocabulary.LEGAL_SUFFIXES.contains(words.get(end - 1))) {
			end--;
		}
		return words.subList(0, end);
	}

	private void add(String key, Hit hit) {
		List<Hit> hits = this.names.computeIfAbsent(key, (k) -> new ArrayList<>(1));
		if (hits.stream().noneMatch((h) -> h.customer() == hit.customer() && h.kind() == hit.kind())) {
			hits.add(hit);
		}
	}

	private void typo(String key, int customer) {
		if (key.length() < SHORTEST_TYPO_NAME) {
			return;
		}
		int index = this.typoKeys.size();
		this.typoKeys.add(new TypoKey(key, customer));
		this.oneLeftOut.computeIfAbsent(key, (k) -> new ArrayList<>(1)).add(index);
		for (int i = 0; i < key.length(); i++) {
			this.oneLeftOut.computeIfAbsent(key.substring(0, i) + key.substring(i + 1), (k) -> new ArrayList<>(1))
				.add(index);
		}
	}

	/**
	 * The customer named in the sentence, by the best match of the book inside it: a name
	 * as a whole beats the start of one, a longer match a shorter one, fewer typos more.
	 * Several names given outright are all returned, so the chat can ask.
	 * @param tokens the sentence's words
	 * @param taken words that cannot be part of a name (a ticket number, a time); the
	 * words of the customer found are marked too
	 * @return the customer named, {@code null} when the sentence names none
	 */
	Mention customerIn(List<Token> tokens, boolean[] taken) {
		Map<Integer, Found> best = new LinkedHashMap<>();
		for (int first = 0; first < tokens.size(); first++) {
			if (taken[first] || tokens.get(first).isAnd()) {
				continue;
			}
			StringBuilder key = new StringBuilder();
			int words = 0;
			for (int last = first; last < tokens.size() && words < LONGEST_NAME; last++) {
				Token token = tokens.get(last);
				if (taken[last] || (last > first && token.breakBefore())) {
					break;
				}
				if (token.isAnd()) {
					continue;
				}
				key.append(token.word());
				words++;
				// "TechFlow's API": a possessive ends the name.
				boolean ends = token.possessive();
				lookUp(key.toString(), tokens, first, last, best);
				if (ends) {
					break;
				}
			}
		}
		if (best.isEmpty()) {
			return null;
		}
		List<Found> found = new ArrayList<>(best.values());
		found.sort(Comparator.comparingInt(Found::score).reversed().thenComparingInt(Found::first));
		List<Found> chosen = found.stream().anyMatch(Found::exact) ? found.stream().filter(Found::exact).toList()
				: found.stream().filter((f) -> f.score() == found.get(0).score()).toList();
		for (Found f : chosen) {
			mark(tokens, taken, f);
		}
		Found top = chosen.get(0);
		return new Mention(said(tokens, top.first(), top.last()),
				chosen.stream()
					.map((f) -> new CustomerMatch(this.customers.get(f.customer()).id(),
							this.customers.get(f.customer()).name(), f.distance()))
					.toList(),
				null);
	}

	private void lookUp(String key, List<Token> tokens, int first, int last, Map<Integer, Found> best) {
		boolean nameLike = !Vocabulary.isKnown(tokens.get(first).word())
				&& !Vocabulary.isKnown(tokens.get(last).word());
		boolean oneKnownWord = first == last && Vocabulary.isKnown(key) && !tokens.get(first).capitalized();
		for (Hit hit : this.names.getOrDefault(key, List.of())) {
			if (oneKnownWord || (hit.kind() == Kind.FIRST_WORDS && !nameLike)) {
				continue;
			}
			int score = (hit.kind() == Kind.EXACT) ? key.length() + 2 : key.length() - 1;
			keep(best, new Found(hit.customer(), hit.kind(), hit.missing(), score, first, last));
		}
		if (!nameLike) {
			return;
		}
		if (key.length() >= SHORTEST_TYPO_NAME) {
			typos(key, first, last, best);
		}
		if (first == last && key.length() >= SHORTEST_START) {
			startsOfNames(key, first, best);
		}
	}

	private void typos(String key, int first, int last, Map<Integer, Found> best) {
		Set<Integer> seen = new HashSet<>();
		for (int i = -1; i < key.length(); i++) {
			String variant = (i < 0) ? key : key.substring(0, i) + key.substring(i + 1);
			for (int index : this.oneLeftOut.getOrDefault(variant, List.of())) {
				if (!seen.add(index)) {
					continue;
				}
				TypoKey candidate = this.typoKeys.get(index);
				int allowed = (candidate.key().length() <= SHORT_NAME) ? 1 : 2;
				if (Math.abs(candidate.key().length() - key.length()) > allowed) {
					continue;
				}
				int distance = EditDistance.between(key, candidate.key());
				if (distance > 0 && distance <= allowed) {
					keep(best, new Found(candidate.customer(), Kind.TYPO, distance, key.length() - 2 * distance, first,
							last));
				}
			}
		}
	}

	private void startsOfNames(String key, int at, Map<Integer, Found> best) {
		int from = Arrays.binarySearch(this.starts, key);
		from = (from < 0) ? -from - 1 : from;
		for (int i = from, n = 0; i < this.starts.length && this.starts[i].startsWith(key) && n < MOST_STARTS; i++) {
			if (this.starts[i].length() > key.length()) {
				n++;
				keep(best, new Found(this.startOwners[i], Kind.START, this.starts[i].length() - key.length(),
						key.length() - 3, at, at));
			}
		}
	}

	/**
	 * Keeps, per customer, the best stretch of words naming it (the higher score, then
	 * the longer: "Acme Crop" is one typo from "Acme Corp", which beats "Acme" alone),
	 * and whether any stretch named it outright.
	 */
	private static void keep(Map<Integer, Found> best, Found found) {
		best.merge(found.customer(), found, (a, b) -> {
			boolean exact = a.exact() || b.exact();
			Found better;
			if (a.score() != b.score()) {
				better = (b.score() > a.score()) ? b : a;
			}
			else {
				better = (b.last() - b.first() > a.last() - a.first()) ? b : a;
			}
			return new Found(better.customer(), better.kind(), exact ? 0 : better.distance(), better.score(),
					better.first(), better.last(), exact);
		});
	}

	private static void mark(List<Token> tokens, boolean[] taken, Found found) {
		int last = found.last();
		// "TechFlow Inc.", "Initech, LLC": the legal suffix belongs to the name.
		while (last + 1 < tokens.size() && !taken[last + 1]
				&& Vocabulary.LEGAL_SUFFIXES.contains(tokens.get(last + 1).word())) {
			last++;
		}
		for (int i = found.first(); i <= last; i++) {
			taken[i] = true;
		}
	}

	/**
	 * The contact named in the sentence: by full name ("David Park"), or by first name
	 * ("David") when no full name is given.
	 * @param tokens the sentence's words
	 * @param taken words that cannot be part of a name; the contact's are marked too
	 * @param of the customers the contact must belong to, empty for any
	 */
	Mention contactIn(List<Token> tokens, boolean[] taken, List<CustomerMatch> of) {
		Set<Long> customerIds = new HashSet<>();
		of.forEach((m) -> customerIds.add(m.id()));
		List<int[]> hits = new ArrayList<>();
		List<Integer> found = new ArrayList<>();
		boolean full = false;
		for (int first = 0; first < tokens.size(); first++) {
			StringBuilder key = new StringBuilder();
			for (int last = first; last < tokens.size() && last < first + 3; last++) {
				if (taken[last] || (last > first && tokens.get(last).breakBefore())) {
					break;
				}
				key.append(tokens.get(last).word());
				List<Integer> named = belonging(this.contactNames.get(key.toString()), customerIds);
				if (first < last && !named.isEmpty()) {
					if (!full) {
						hits.clear();
						found.clear();
						full = true;
					}
					hits.add(new int[] { first, last });
					found.addAll(named);
				}
				if (first == last && !full) {
					Token token = tokens.get(first);
					boolean plausible = !Vocabulary.isKnown(token.word()) || token.capitalized();
					List<Integer> byFirst = belonging(this.contactFirstNames.get(token.word()), customerIds);
					if (plausible && !byFirst.isEmpty()) {
						hits.add(new int[] { first, first });
						found.addAll(byFirst);
					}
				}
				if (tokens.get(last).possessive()) {
					break;
				}
			}
		}
		if (found.isEmpty()) {
			return null;
		}
		int[] span = hits.get(0);
		for (int[] hit : hits) {
			for (int i = hit[0]; i <= hit[1]; i++) {
				taken[i] = true;
			}
		}
		List<ContactName> named = found.stream().distinct().map(this.contacts::get).toList();
		List<CustomerMatch> customers = new ArrayList<>();
		for (ContactName contact : named) {
			if (customers.stream().noneMatch((c) -> c.id() == contact.customerId())) {
				this.customers.stream()
					.filter((c) -> c.id() == contact.customerId())
					.findFirst()
					.ifPresent((c) -> customers.add(new CustomerMatch(c.id(), c.name(), 0)));
			}
		}
		return new Mention(said(tokens, span[0], span[1]), customers, (named.size() == 1) ? named.get(0).name() : null);
	}

	private List<Integer> belonging(List<Integer> contacts, Set<Long> customerIds) {
		if (contacts == null) {
			return List.of();
		}
		return contacts.stream()
			.filter((i) -> customerIds.isEmpty() || customerIds.contains(this.contacts.get(i).customerId()))
			.toList();
	}

	private static String said(List<Token> tokens, int first, int last) {
		StringBuilder said = new StringBuilder();
		for (int i = first; i <= last; i++) {
			if (i > first) {
				said.append(' ');
			}
			String typed = tokens.get(i).typed();
			said.append(tokens.get(i).possessive() ? typed.substring(0, typed.length() - 2) : typed);
		}
		return said.toString();
	}

	/**
	 * Customers (or a contact) named in a sentence.
	 *
	 * @param said the words that named them, as typed
	 * @param matches the customers meant, best first
	 * @param contact the contact named, when exactly one was
	 */
	record Mention(String said, List<CustomerMatch> matches, String contact) {
	}

	private enum Kind {

		/** The whole name, with or without its legal suffix. */
		EXACT,
		/** The first words of the name ("Harbor" for "Harbor Credit Union"). */
		FIRST_WORDS,
		/** The name, or its first words, with a typo or two. */
		TYPO,
		/** The start of a one-word name ("tech" for "TechFlow"). */
		START

	}

	private record Hit(int customer, Kind kind, int missing) {
	}

	private record TypoKey(String key, int customer) {
	}

	private record Found(int customer, Kind kind, int distance, int score, int first, int last, boolean exact) {

		Found(int customer, Kind kind, int distance, int score, int first, int last) {
			this(customer, kind, distance, score, first, last, kind == Kind.EXACT);
		}

	}

}
