package io.aftercare.assessment;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.aftercare.tone.SentimentAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.aftercare.assessment.Tone.ANGRY;
import static io.aftercare.assessment.Tone.FRUSTRATED;
import static io.aftercare.assessment.Tone.NEUTRAL;
import static io.aftercare.assessment.Tone.POSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class ToneReaderTests {

	private final ToneReader reader = new ToneReader(new SentimentAnalyzer());

	static Stream<Arguments> comments() {
		return Stream.of(tone("Thanks with no complaint is positive", POSITIVE, "Thank you, that worked!"),
				tone("Appreciation in any case is positive", POSITIVE, "We really APPRECIATE the quick turnaround"),
				tone("A plain question is neutral", NEUTRAL, "How do I export the monthly report?"),
				tone("A strongly negative comment is angry", ANGRY,
						"This is terrible, the worst support we have ever had"),
				tone("Unacceptable on its own is frustrated, not yet angry", FRUSTRATED, "This delay is unacceptable."),
				tone("Threatening to cancel is angry", ANGRY, "We are considering cancelling our contract."),
				tone("Mentioning a competitor is angry", ANGRY, "Maybe we should switch to a competitor."),
				tone("Shouting in capitals is angry", ANGRY, "WHY IS THIS STILL DOWN"),
				tone("Three exclamation marks are angry", ANGRY, "Fix it now!!!"),
				tone("Double exclamation marks twice are angry", ANGRY, "Still waiting!!", "Hello??!!"),
				tone("Anger outweighs thanks", ANGRY, "Thanks for nothing, this is ridiculous"),
				tone("Frustration is frustrated", FRUSTRATED, "This is so frustrating"),
				tone("Still not working is frustrated", FRUSTRATED, "It is STILL not working"),
				tone("A problem reported, even again, is no mood", NEUTRAL, "The sync failed again overnight"),
				tone("Words naming the problem are no mood", NEUTRAL, "The export fails with an error"),
				tone("What the problem costs them is frustrated", FRUSTRATED,
						"The sync failed again overnight and we are losing orders"),
				tone("Not happy is frustrated", FRUSTRATED, "Honestly not happy with how long this took"),
				tone("Blocking the team is frustrated", FRUSTRATED, "This is blocking our release"),
				tone("A negative word cancels the thanks", FRUSTRATED, "Thanks, but I'm disappointed it took a week"),
				tone("Thanks again is gratitude, not a repeat", POSITIVE, "Thanks again, all good now"),
				tone("Against is not again", NEUTRAL, "We tested it against staging"),
				tone("Cancelling a duplicate ticket is no anger", NEUTRAL, "Please cancel the duplicate ticket"),
				tone("Asking about cancellation is no threat", NEUTRAL, "Where is the cancellation policy?"),
				tone("Acronyms are not shouting", NEUTRAL, "Our SSO and API setup uses SAML for the login flow"),
				tone("One enthusiastic double exclamation is not anger", POSITIVE, "Perfect, thanks!!"),
				tone("Exclamations of joy are not anger", POSITIVE, "This is great!!!"),
				tone("Thanks in capitals is not shouting", POSITIVE, "THANK YOU SO MUCH"),
				tone("The worst comment decides across all comments", FRUSTRATED, "Thanks for looking",
						"Any update? We are losing orders"));
	}

	private static Arguments tone(String name, Tone tone, String... comments) {
		return argumentSet(name, Arrays.asList(comments), tone);
	}

	@ParameterizedTest
	@MethodSource("comments")
	void readsTheToneOfTheCustomersComments(List<String> comments, Tone tone) {
		assertThat(this.reader.read(comments)).isEqualTo(tone);
	}

	@Test
	void readsNoCommentsAsNeutral() {
		assertThat(this.reader.read(null)).isEqualTo(NEUTRAL);
		assertThat(this.reader.read(List.of())).isEqualTo(NEUTRAL);
		assertThat(this.reader.read(Arrays.asList(null, "", "  "))).isEqualTo(NEUTRAL);
	}

	@Test
	void skipsMissingCommentsAndReadsTheRest() {
		assertThat(this.reader.read(Arrays.asList(null, "This is terrible, the worst support we have ever had")))
			.isEqualTo(ANGRY);
	}

}
