package io.aftercare.drafting;

import io.aftercare.assessment.FollowUpLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PRD's TechFlow follow-up in German, French and Spanish, read as the customer reads
 * it: in their language from the greeting to the signature, with nothing meant for the
 * CSM.
 */
class LocalisedTemplatesTests {

	private final TemplateDraftWriter writer = new TemplateDraftWriter();

	@Test
	void germanMajor() {
		Draft draft = this.writer.write(TemplateDraftWriterTests.techFlow(FollowUpLevel.MAJOR).in(Language.GERMAN));

		assertThat(draft.subject()).isEqualTo("Nachfrage zu Ihrem API-Problem - Ist alles in Ordnung?");
		assertThat(draft.textBody())
			.startsWith("Hallo David,\n\nIhr Ticket #TF-2024-0847 (API rate limiting) ist gelöst")
			.contains("Ich weiß, dass es ärgerlich war, 4 Tage auf eine Lösung zu warten")
			.contains("1. Läuft seit der Korrektur alles reibungslos?\n"
					+ "2. Hat Ihnen die Anleitung geholfen, oder wäre ein kurzes Telefonat hilfreich?\n"
					+ "3. Gibt es noch etwas, das ich an unser Team weitergeben sollte?\n")
			.contains("Ich werde außerdem nächste Woche Ihre API-Kennzahlen prüfen, damit alles auf Kurs bleibt.")
			.endsWith("Viele Grüße\nSam Rivera\n+1 (415) 555-0142\n")
			.doesNotContain("Hi ", "Best,", "I'll", "next week");
	}

	@Test
	void frenchModerate() {
		Draft draft = this.writer.write(TemplateDraftWriterTests.techFlow(FollowUpLevel.MODERATE).in(Language.FRENCH));

		assertThat(draft.textBody())
			.startsWith("Bonjour David,\n\nVotre ticket #TF-2024-0847 (API rate limiting) est résolu")
			.contains("l'équipe de TechFlow")
			.contains("La semaine prochaine, je vais aussi vérifier vos indicateurs API")
			.endsWith("Bien cordialement,\nSam Rivera\n+1 (415) 555-0142\n")
			.doesNotContain(" \n", "Best,", "next week");
	}

	@Test
	void spanishMinor() {
		Draft draft = this.writer.write(TemplateDraftWriterTests.techFlow(FollowUpLevel.MINOR).in(Language.SPANISH));

		assertThat(draft.subject()).isEqualTo("Seguimiento del ticket #TF-2024-0847 (API)");
		assertThat(draft.textBody()).startsWith("Hola David:\n\n")
			.contains("¿Respondió la guía a su pregunta?")
			.endsWith("Un saludo,\nSam Rivera\n+1 (415) 555-0142\n")
			.doesNotContain("Best,");
	}

	@Test
	void offersAndThePromiseAreSaidInTheCustomersLanguage() {
		DraftRequest request = new DraftRequest(FollowUpLevel.MAJOR, "Jonas", "Nordlicht", "NL-1", "Export bricht ab",
				null, "Korrektur ausgerollt", java.time.Duration.ofDays(3), false, null,
				java.util.List.of("A call with one of our executives, if you'd like one",
						"A review of your recent tickets together, to look for a pattern"),
				"check that the fix is still holding", 7, "Sam Rivera", null, null)
			.in(Language.GERMAN);

		assertThat(this.writer.write(request).textBody())
			.contains("• Ein Gespräch mit einer unserer Führungskräfte, wenn Sie möchten\n"
					+ "• Ein gemeinsamer Blick auf Ihre letzten Tickets, um ein Muster zu erkennen\n")
			.contains("Ich werde außerdem nächste Woche prüfen, ob die Korrektur weiterhin hält")
			.as("the call is offered once: by the offer")
			.doesNotContain("Telefonat");
	}

	@Test
	void aLookInOnAnAreaIsPromisedInTheCustomersLanguage() {
		DraftRequest request = new DraftRequest(FollowUpLevel.MAJOR, "Jonas", "Nordlicht", "NL-1", "Export bricht ab",
				"Zahlungen", "Korrektur ausgerollt", java.time.Duration.ofDays(3), false, null, java.util.List.of(),
				"check how things look on the Zahlungen side", 7, "Sam Rivera", null, null);

		assertThat(this.writer.write(request).textBody())
			.contains("I've also added a note to check how things look on the Zahlungen side next week");
		assertThat(this.writer.write(request.in(Language.GERMAN)).textBody())
			.contains("nächste Woche nachsehen, wie es im Bereich Zahlungen aussieht");
		assertThat(this.writer.write(request.in(Language.FRENCH)).textBody())
			.contains("voir comment les choses se passent côté Zahlungen");
		assertThat(this.writer.write(request.in(Language.SPANISH)).textBody())
			.contains("ver cómo va todo en el área de Zahlungen");
	}

}
