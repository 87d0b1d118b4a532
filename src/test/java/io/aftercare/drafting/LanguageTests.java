package io.aftercare.drafting;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTests {

	@Test
	void readsADesksLocaleACodeOrAName() {
		assertThat(Language.of("de-CH")).contains(Language.GERMAN);
		assertThat(Language.of("fr_CA")).contains(Language.FRENCH);
		assertThat(Language.of("es")).contains(Language.SPANISH);
		assertThat(Language.of("German")).contains(Language.GERMAN);
		assertThat(Language.of("español")).contains(Language.SPANISH);
		assertThat(Language.of("pt-BR")).isEmpty();
		assertThat(Language.of(" ")).isEmpty();
	}

	@Test
	void detectsTheLanguageOfACustomersOwnComments() {
		assertThat(LanguageGuess
			.of(List.of("Die Synchronisation bricht seit gestern immer wieder ab, bitte helfen Sie uns.")))
			.contains(Language.GERMAN);
		assertThat(LanguageGuess.of(List.of("Nos exports échouent depuis lundi et nous ne pouvons pas travailler.")))
			.contains(Language.FRENCH);
		assertThat(LanguageGuess.of(List.of("La exportación sigue fallando desde el lunes y no podemos trabajar.")))
			.contains(Language.SPANISH);
		assertThat(LanguageGuess.of(List.of("Our nightly sync is still failing and we have a deadline this week.")))
			.contains(Language.ENGLISH);
	}

	@Test
	void makesNoGuessFromTooLittleOrMixedText() {
		assertThat(LanguageGuess.of(List.of("Thanks!"))).isEmpty();
		assertThat(LanguageGuess.of(List.of("HTTP 429 ERR_SYNC"))).isEmpty();
		assertThat(LanguageGuess.of(List.of())).isEmpty();
	}

	@Test
	void theContactsRecordedLanguageComesBeforeTheirComments() {
		assertThat(Language.forContact("fr-FR", List.of("Our nightly sync is still failing and we need it fixed.")))
			.isEqualTo(Language.FRENCH);
		assertThat(Language.forContact(null,
				List.of("Unsere Synchronisation bricht immer wieder ab, das ist ein Problem.")))
			.isEqualTo(Language.GERMAN);
		assertThat(Language.forContact(null, List.of())).isEqualTo(Language.ENGLISH);
	}

}
