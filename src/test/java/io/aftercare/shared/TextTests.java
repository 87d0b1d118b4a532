package io.aftercare.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TextTests {

	@Test
	void cutsToTheLengthButNeverThroughACharacter() {
		assertThat(Text.cut(5, "Initech")).isEqualTo("Inite");
		assertThat(Text.cut(7, "Initech")).isEqualTo("Initech");
		assertThat(Text.cut(5, null)).isNull();
		// "🙂" is two UTF-16 units: a cut at 5 would keep its first half alone.
		assertThat(Text.cut(5, "abcd🙂e")).isEqualTo("abcd");
		assertThat(Text.cut(6, "abcd🙂e")).isEqualTo("abcd🙂");
		assertThat(Text.unstorable(Text.cut(5, "abcd🙂e"))).isNull();
	}

	@Test
	void findsTextThatCannotBeStored() {
		assertThat(Text.unstorable("TechFlow \uD83D\uDE00")).isNull();
		assertThat(Text.unstorable("Tech\u0000Flow")).contains("NUL");
		assertThat(Text.unstorable("Tech\uD800Flow")).contains("surrogate");
		assertThat(Text.unstorable("Tech\uDE00")).contains("surrogate");
		assertThat(Text.unstorable("ends high \uD83D")).contains("surrogate");
	}

	@Test
	void takesOnlyAddressesMailCanBeSentTo() {
		for (String good : new String[] { "dana@techflow.example", "eve.o'hara+ops@tech-flow.example",
				"a@xn--bcher-kva.example" }) {
			assertThat(Text.isEmailAddress(good)).as(good).isTrue();
		}
		for (String bad : new String[] { "a@b.example\u2028X-Evil:1", "a@b.example\r\nBcc: x@y.example",
				"Dana <dana@techflow.example>", "dana@techflow", "da na@techflow.example", "\"dana\"@techflow.example",
				"dana@@techflow.example", "dana@-techflow.example", "d\u00e4na@techflow.example",
				"dana@techflow.example\u200B", "x".repeat(250) + "@a.example" }) {
			assertThat(Text.isEmailAddress(bad)).as(bad).isFalse();
		}
		assertThat(Text.emailAddress("email", " dana@techflow.example ")).isEqualTo("dana@techflow.example");
		assertThat(Text.emailAddress("email", " ")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> Text.emailAddress("email", "a@b.example\u2028X-Evil:1"))
			.withMessageStartingWith("email is not an address we can send to");
	}

	@Test
	void keepsHeaderTextOnOneLineWithoutInvisibleCharacters() {
		assertThat(Text.headerText("name", " \u202EevilEve\u202C Park\u200B\uFEFF ")).isEqualTo("evilEve Park");
		assertThat(Text.headerText("name", "Zo\u00eb Ba\u0107")).isEqualTo("Zo\u00eb Ba\u0107");
		for (String broken : new String[] { "Eve\r\nBcc: x", "Eve\u2028X", "Eve\u2029X", "Eve\u0085X", "Eve\tX" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> Text.headerText("name", broken))
				.as(broken)
				.withMessage("name must be one line, without line breaks or control characters");
		}
	}

	@Test
	void readsTheDomainAfterTheLastAtInLowerCase() {
		assertThat(Text.emailDomain("David.Kim@TechFlow.IO")).isEqualTo("techflow.io");
		assertThat(Text.emailDomain("\"a@b\"@mail.example.com ")).isEqualTo("mail.example.com");
		assertThat(Text.emailDomain("root@localhost")).isNull();
		assertThat(Text.emailDomain("@example.com")).isNull();
		assertThat(Text.emailDomain("no address")).isNull();
		assertThat(Text.emailDomain(null)).isNull();
	}

}
