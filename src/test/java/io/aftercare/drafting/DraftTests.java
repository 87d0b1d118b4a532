package io.aftercare.drafting;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DraftTests {

	@Test
	void takesASubjectAndABodyUpToTheirLimits() {
		Draft draft = new Draft("s".repeat(Draft.MAX_SUBJECT_LENGTH), "b".repeat(Draft.MAX_BODY_LENGTH));
		assertThat(draft.subject()).hasSize(500);
		assertThat(draft.textBody()).hasSize(20_000);
	}

	@Test
	void refusesASubjectOrBodyOverItsLimit() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Draft("s".repeat(501), "Hi"))
			.withMessage("A subject is at most 500 characters (this one has 501)");
		assertThatIllegalArgumentException().isThrownBy(() -> new Draft("Hi", "b".repeat(1_000_000)))
			.withMessage("A body is at most 20,000 characters (this one has 1,000,000)");
	}

	@Test
	void refusesLineBreaksInTheSubject() {
		for (String subject : new String[] { "Hi\r\nBcc: all@example.com", "Hi\u2028there", "Tab\there" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new Draft(subject, "Hi"))
				.withMessageContaining("single line");
		}
	}

	@Test
	void removesInvisibleFormatCharactersFromTheSubject() {
		Draft draft = new Draft("\u202EdegnahC\u202C Checking\u200B in\uFEFF", "Hi");
		assertThat(draft.subject()).isEqualTo("degnahC Checking in");
	}

	@Test
	void refusesTextThatCannotBeStored() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Draft("Hi", "Hello\u0000there"))
			.withMessageContaining("NUL");
		assertThatIllegalArgumentException().isThrownBy(() -> new Draft("Hi \uD800", "Hello"))
			.withMessageContaining("surrogate");
	}

}
