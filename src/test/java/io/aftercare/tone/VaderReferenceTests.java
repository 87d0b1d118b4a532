package io.aftercare.tone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aftercare.tone.vader.Lexicon;
import io.aftercare.tone.vader.Scores;
import io.aftercare.tone.vader.Vader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Our VADER against the reference implementation's scores on the sample in
 * {@code tone/vader-reference.tsv} (see its header for how they were produced).
 */
class VaderReferenceTests {

	private static final double TOLERANCE = 0.05;

	/**
	 * Where we knowingly score otherwise; each compound here is ours. Any other sentence
	 * must be within {@link #TOLERANCE}. Two reasons, and the sample holds each sentence
	 * again in lower case (or with the "????" apart), where the reference agrees with us:
	 * <ol>
	 * <li>The reference compares negations and "but" in their exact spelling, so "Not",
	 * "NOT", "Without", "Despite" and a sentence-opening "But" do nothing. We compare
	 * them in any case: "Not bad at all" is praise.</li>
	 * <li>The reference strips only listed punctuation runs from a word, up to "???" or
	 * "!!!", so "broken????" is no word it rates. We strip any run.</li>
	 * </ol>
	 */
	private static final Map<String, Double> KNOWN_DIFFERENCES = Map.ofEntries(
			Map.entry("Today only kinda sux! But I'll get by, lol", 0.5249), Map.entry("Not bad at all", 0.431),
			Map.entry("I'm NOT happy with the result.", -0.4585), Map.entry("Why is this still broken????", -0.6199),
			Map.entry("Without your help we would have failed.", -0.6765),
			Map.entry("Despite the delay, the result is good.", 0.5943), Map.entry("Not nice.", -0.3252),
			Map.entry("Not bad.", 0.431), Map.entry("Not too bad.", 0.431),
			Map.entry("Not great, not terrible.", -0.6645), Map.entry("I am NOT VERY happy.", -0.58));

	private final Vader vader = new Vader(Lexicon.fromClasspath("tone/vader_lexicon.txt"));

	@Test
	void scoresLikeTheReferenceImplementation() throws IOException {
		List<Reference> sample = sample();
		assertThat(sample).hasSizeGreaterThanOrEqualTo(200);
		List<String> mismatches = new ArrayList<>();
		for (Reference reference : sample) {
			Scores ours = this.vader.score(reference.sentence());
			Double known = KNOWN_DIFFERENCES.get(reference.sentence());
			double expected = (known != null) ? known : reference.compound();
			if (Math.abs(ours.compound() - expected) > TOLERANCE) {
				mismatches
					.add(reference.sentence() + ": ours " + ours.compound() + ", reference " + reference.compound());
			}
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void sharesMatchTheReferenceWhereTheCompoundDoes() throws IOException {
		for (Reference reference : sample()) {
			if (KNOWN_DIFFERENCES.containsKey(reference.sentence())) {
				continue;
			}
			Scores ours = this.vader.score(reference.sentence());
			assertThat(ours.positive()).as(reference.sentence()).isCloseTo(reference.positive(), within(0.011));
			assertThat(ours.neutral()).as(reference.sentence()).isCloseTo(reference.neutral(), within(0.011));
			assertThat(ours.negative()).as(reference.sentence()).isCloseTo(reference.negative(), within(0.011));
		}
	}

	@Test
	void theKnownDifferencesAreStillDifferent() throws IOException {
		for (Reference reference : sample()) {
			Double known = KNOWN_DIFFERENCES.get(reference.sentence());
			if (known != null) {
				assertThat(this.vader.score(reference.sentence()).compound()).as(reference.sentence())
					.isCloseTo(known, within(0.0001))
					.isNotCloseTo(reference.compound(), within(TOLERANCE));
			}
		}
	}

	private static List<Reference> sample() throws IOException {
		try (InputStream in = VaderReferenceTests.class.getResourceAsStream("/tone/vader-reference.tsv")) {
			List<Reference> sample = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("##")) {
					continue;
				}
				String[] fields = line.split("\t", 5);
				sample.add(new Reference(fields[4], Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
						Double.parseDouble(fields[2]), Double.parseDouble(fields[3])));
			}
			return sample;
		}
	}

	private record Reference(String sentence, double compound, double positive, double neutral, double negative) {
	}

}
