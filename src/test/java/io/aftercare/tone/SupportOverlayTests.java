package io.aftercare.tone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.aftercare.tone.vader.Lexicon;
import io.aftercare.tone.vader.Vader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support overlay ({@code tone/support-overlay.tsv}) and the two support rules
 * ("still", "no") change VADER's reading where a support thread means otherwise, and
 * nowhere else.
 */
class SupportOverlayTests {

	private final SentimentAnalyzer analyzer = new SentimentAnalyzer();

	private final Vader plainVader = new Vader(Lexicon.fromClasspath("tone/vader_lexicon.txt"));

	@Test
	void everyOverlayWordReadsWithItsValenceWherePlainVaderReadsItOtherwise() throws IOException {
		List<String[]> overlay = overlay();
		assertThat(overlay).hasSizeGreaterThan(30);
		for (String[] entry : overlay) {
			String sentence = "Today it was " + entry[0] + ".";
			double valence = ("-".equals(entry[1])) ? 0 : Double.parseDouble(entry[1]);
			double ours = this.analyzer.score(sentence).compound();
			assertThat(Math.signum(ours)).as(sentence).isEqualTo(Math.signum(valence));
			assertThat(ours).as(sentence).isNotEqualTo(this.plainVader.score(sentence).compound());
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			We had an outage this morning.           | negative
			Can we get a refund for the downtime?    | negative
			We are using a workaround for now.       | negative
			Please escalate this.                    | negative
			The app is so slow and buggy.            | negative
			Your support is a joke.                  | negative
			Thanks for nothing.                      | negative
			Honestly, we are fed up.                 | negative
			You let us down again.                   | negative
			It's fixed, thanks.                      | positive
			The issue is resolved.                   | positive
			It works now.                            | positive
			It is not working.                       | negative
			No issues since the update.              | positive
			No problems at all, thanks.              | positive
			No, all good now.                        | positive
			No, it is not working.                   | negative
			""")
	void readsSupportVocabulary(String sentence, String reading) {
		Sentiment sentiment = this.analyzer.score(sentence);
		assertThat(("positive".equals(reading)) ? sentiment.isPositive() : sentiment.isNegative())
			.as(sentence + " scored " + sentiment.compound())
			.isTrue();
	}

	@Test
	void stillStrengthensANegativeWordOnly() {
		assertThat(this.analyzer.score("The sync is still broken.").compound())
			.isLessThan(this.analyzer.score("The sync is broken.").compound());
		assertThat(this.analyzer.score("The export still fails after the update.").compound())
			.isLessThan(this.analyzer.score("The export fails after the update.").compound());
		assertThat(this.analyzer.score("The dashboard is still great.").compound())
			.isEqualTo(this.analyzer.score("The dashboard is great.").compound());
	}

	@Test
	void noNegatesTheRatedWordAfterItWherePlainVaderReadsNoAsNegative() {
		assertThat(this.plainVader.score("No problems since the fix.").compound()).isNegative();
		assertThat(this.analyzer.score("No problems since the fix.").compound()).isPositive();
		// "no" before a word it cannot negate still counts against.
		assertThat(this.analyzer.score("No reply from your team yet.").compound()).isNegative();
	}

	@Test
	void sentencesWithoutSupportVocabularyScoreAsPlainVader() {
		for (String sentence : List.of("VADER is smart, handsome, and funny.", "The book was kind of good.",
				"I am really disappointed with the service.", "Thank you for your patience and understanding.",
				"The plot was good, but the characters are uncompelling and the dialog is not great.")) {
			assertThat(this.analyzer.score(sentence).compound()).as(sentence)
				.isEqualTo(this.plainVader.score(sentence).compound());
		}
	}

	@Test
	void typographicApostrophesNegateLikePlainOnes() {
		assertThat(this.analyzer.score("I don\u2019t like the new layout.").compound())
			.isEqualTo(this.analyzer.score("I don't like the new layout.").compound())
			.isNegative();
	}

	private static List<String[]> overlay() throws IOException {
		try (InputStream in = SupportOverlayTests.class.getResourceAsStream("/tone/support-overlay.tsv")) {
			List<String[]> entries = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("##")) {
					entries.add(line.split("\t"));
				}
			}
			return entries;
		}
	}

}
