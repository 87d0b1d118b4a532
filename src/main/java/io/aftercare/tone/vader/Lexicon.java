package io.aftercare.tone.vader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Rated words: each a valence from -4 (most negative) to +4 (most positive), looked up in
 * lower case. Immutable once built, so one instance serves every thread.
 */
public final class Lexicon {

	private static final String UNRATED = "-";

	private final Map<String, Double> valences;

	private final Map<List<String>, Double> phrases;

	private Lexicon(Map<String, Double> valences) {
		this.valences = Map.copyOf(valences);
		Map<List<String>, Double> phrases = new HashMap<>();
		valences.forEach((token, valence) -> {
			if (token.contains(" ")) {
				phrases.put(List.of(token.split(" +")), valence);
			}
		});
		this.phrases = Map.copyOf(phrases);
	}

	/**
	 * Reads the given classpath resources in order, each line {@code token<TAB>valence}
	 * with anything after a further tab ignored; a later line for the same token wins, as
	 * it does in VADER's own reading of its lexicon. A valence of {@code -} takes the
	 * token out: it is no longer rated. Blank lines and lines starting with {@code ##}
	 * are skipped.
	 */
	public static Lexicon fromClasspath(String... resources) {
		Map<String, Double> valences = new HashMap<>();
		for (String resource : resources) {
			read(resource, valences);
		}
		return new Lexicon(valences);
	}

	private static void read(String resource, Map<String, Double> valences) {
		InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Lexicon " + resource + " is not on the classpath");
		}
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = lines.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("##")) {
					continue;
				}
				String[] fields = line.split("\t");
				if (fields.length < 2) {
					throw new IllegalStateException(resource + ":" + number + " has no valence");
				}
				String token = fields[0].toLowerCase(Locale.ROOT);
				String valence = fields[1].trim();
				if (UNRATED.equals(valence)) {
					valences.remove(token);
				}
				else {
					valences.put(token, Double.parseDouble(valence));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read lexicon " + resource, ex);
		}
	}

	/** The valence of a word in any case, empty when the word is not rated. */
	public OptionalDouble valence(String word) {
		Double valence = this.valences.get(word.toLowerCase(Locale.ROOT));
		return (valence != null) ? OptionalDouble.of(valence) : OptionalDouble.empty();
	}

	/**
	 * The rated phrases: tokens of more than one word, such as "thanks for nothing", in
	 * lower case. VADER's own lexicon has four ("can't stand", "fed up", ...), which its
	 * reference implementation never matches, since it looks words up one by one.
	 */
	public Map<List<String>, Double> phrases() {
		return this.phrases;
	}

	/** Whether the word, in any case, is rated. */
	public boolean rates(String word) {
		return this.valences.containsKey(word.toLowerCase(Locale.ROOT));
	}

	/** How many words are rated. */
	public int size() {
		return this.valences.size();
	}

}
