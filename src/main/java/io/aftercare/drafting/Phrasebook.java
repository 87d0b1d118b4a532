package io.aftercare.drafting;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assessment words its offers and the reminder's promise in English, for the customer
 * ("A short call to walk through the optimization guide", "check your API metrics"). This
 * says the ones it knows in German, French and Spanish, so that a template in those
 * languages does not switch to English mid-email. A phrase it does not know is kept as
 * written.
 */
final class Phrasebook {

	private record Entry(Pattern english, Map<Language, String> translations) {
	}

	private static final List<Entry> OFFERS = List.of(
			entry("A link back to the (.+) in case questions come up", "Ein Link zur Anleitung, falls Fragen aufkommen",
					"Un lien vers le guide, au cas où des questions se posent",
					"Un enlace a la guía, por si surgen preguntas"),
			entry("A short call to walk through the (.+)",
					"Ein kurzes Gespräch, um die Anleitung gemeinsam durchzugehen",
					"Un court appel pour parcourir le guide ensemble", "Una llamada breve para repasar juntos la guía"),
			entry("A call with one of our executives, if you'd like one",
					"Ein Gespräch mit einer unserer Führungskräfte, wenn Sie möchten",
					"Un échange avec l'un de nos dirigeants, si vous le souhaitez",
					"Una llamada con uno de nuestros directivos, si lo desea"),
			entry("A review of your recent tickets together, to look for a pattern",
					"Ein gemeinsamer Blick auf Ihre letzten Tickets, um ein Muster zu erkennen",
					"Une revue commune de vos derniers tickets, pour repérer une tendance",
					"Una revisión conjunta de sus últimos tickets, para detectar un patrón"));

	private static final List<Entry> PROMISES = List.of(
			entry("check your (.+) metrics", "Ihre $1-Kennzahlen prüfen", "vérifier vos indicateurs $1",
					"revisar sus métricas de $1"),
			entry("check how things look on the (.+) side", "nachsehen, wie es im Bereich $1 aussieht",
					"voir comment les choses se passent côté $1", "ver cómo va todo en el área de $1"),
			entry("check that the fix is still holding", "prüfen, ob die Korrektur weiterhin hält",
					"vérifier que la correction tient toujours", "comprobar que la corrección sigue funcionando"),
			entry("check in on how things are going", "nachfragen, wie es bei Ihnen läuft", "prendre de vos nouvelles",
					"preguntarle cómo va todo"));

	private Phrasebook() {
	}

	static String offer(String english, Language language) {
		return translated(OFFERS, english, language);
	}

	static String promise(String english, Language language) {
		return translated(PROMISES, english, language);
	}

	private static String translated(List<Entry> entries, String english, Language language) {
		if (english == null || language == Language.ENGLISH) {
			return english;
		}
		for (Entry entry : entries) {
			Matcher matcher = entry.english().matcher(english.strip());
			if (matcher.matches()) {
				return matcher.replaceFirst(entry.translations().get(language));
			}
		}
		return english;
	}

	private static Entry entry(String english, String german, String french, String spanish) {
		return new Entry(Pattern.compile(english, Pattern.CASE_INSENSITIVE),
				Map.of(Language.GERMAN, german, Language.FRENCH, french, Language.SPANISH, spanish));
	}

}
