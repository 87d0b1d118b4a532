package io.aftercare.drafting;

import java.time.Duration;

import io.aftercare.ticket.TicketDurations;

/**
 * The phrases the templates fill in, in each language: the questions a resolution calls
 * for, the status line, when the CSM checks in again and how long the ticket took. Each
 * language words them itself; a guide or credit is named only in English, where the
 * resolution's own words fit the sentence.
 */
record Wording(Language language, String sinceTheFix, String workaroundHolding, String workingNow, String keptInformed,
		String anythingToFlag, String answered, String limitEnough, String guideHelped, String guideHelpedOrCall,
		String creditArrived, String guideAnswered, String workaroundForNow, String workingAsExpected,
		String statusWorkaround, String statusResolved, String statusOperational, String resolvedBySupport,
		String tomorrow, String nextWeek, String inTwoWeeks, String inDays, String hours, String days, String over) {

	private static final Wording ENGLISH = new Wording(Language.ENGLISH,
			"Is everything working smoothly since the fix?",
			"Is the workaround holding up, or do you need a date for the permanent fix?",
			"Is everything working the way you need it to now?",
			"Did our support team keep you well informed while we worked on it?",
			"Anything else I should flag to our team?", "Did that answer your question?",
			"Is the new limit enough for your busiest days?", "Did the %s help?",
			"Did the %s help, or would a quick call be useful?", "Has the %s shown up on your account as expected?",
			"Did the %s answer your question?", "Is the workaround doing the job for now?",
			"Is everything working as expected now?", "A workaround is in place while the permanent fix is finished",
			"Resolved on our side", "Should be fully operational now", "Resolved by our support team", "tomorrow",
			"next week", "in two weeks", "in %d days", null, null, null);

	private static final Wording GERMAN = new Wording(Language.GERMAN, "Läuft seit der Korrektur alles reibungslos?",
			"Hält die Übergangslösung, oder brauchen Sie einen Termin für die endgültige Lösung?",
			"Funktioniert jetzt alles so, wie Sie es brauchen?",
			"Hat unser Support-Team Sie während der Bearbeitung gut auf dem Laufenden gehalten?",
			"Gibt es noch etwas, das ich an unser Team weitergeben sollte?", "Ist Ihre Frage damit beantwortet?",
			"Reicht das neue Limit auch an Ihren geschäftigsten Tagen?", "Hat Ihnen die Anleitung geholfen?",
			"Hat Ihnen die Anleitung geholfen, oder wäre ein kurzes Telefonat hilfreich?",
			"Ist %s wie erwartet auf Ihrem Konto angekommen?", "Hat die Anleitung Ihre Frage beantwortet?",
			"Hilft Ihnen die Übergangslösung fürs Erste weiter?", "Funktioniert jetzt alles wie erwartet?",
			"Eine Übergangslösung ist aktiv, bis die endgültige Lösung fertig ist", "Auf unserer Seite gelöst",
			"Sollte jetzt wieder voll funktionieren", "Von unserem Support-Team gelöst", "morgen", "nächste Woche",
			"in zwei Wochen", "in %d Tagen", "%d Stunden", "%d Tage", "über ");

	private static final Wording FRENCH = new Wording(Language.FRENCH,
			"Tout fonctionne-t-il correctement depuis la correction ?",
			"La solution de contournement tient-elle, ou avez-vous besoin d'une date pour la correction définitive ?",
			"Tout fonctionne-t-il maintenant comme vous le souhaitez ?",
			"Notre équipe support vous a-t-elle bien tenu informé pendant le traitement ?",
			"Y a-t-il autre chose que je devrais signaler à notre équipe ?", "Cela répond-il à votre question ?",
			"La nouvelle limite suffit-elle pour vos journées les plus chargées ?", "Le guide vous a-t-il aidé ?",
			"Le guide vous a-t-il aidé, ou un court appel serait-il utile ?", "%s apparaît-il bien sur votre compte ?",
			"Le guide a-t-il répondu à votre question ?",
			"La solution de contournement fait-elle l'affaire pour l'instant ?",
			"Tout fonctionne-t-il comme prévu maintenant ?",
			"Une solution de contournement est en place en attendant la correction définitive", "Résolu de notre côté",
			"Tout devrait fonctionner normalement", "Résolu par notre équipe support", "demain", "la semaine prochaine",
			"dans deux semaines", "dans %d jours", "%d heures", "%d jours", "plus de ");

	private static final Wording SPANISH = new Wording(Language.SPANISH, "¿Funciona todo bien desde la corrección?",
			"¿Sigue funcionando la solución temporal, o necesita una fecha para la solución definitiva?",
			"¿Funciona todo ahora como lo necesita?",
			"¿Le mantuvo bien informado nuestro equipo de soporte mientras trabajábamos en ello?",
			"¿Hay algo más que deba comentar con nuestro equipo?", "¿Respondió eso a su pregunta?",
			"¿Es suficiente el nuevo límite para sus días de más trabajo?", "¿Le resultó útil la guía?",
			"¿Le resultó útil la guía, o le vendría bien una llamada breve?",
			"¿Aparece ya %s en su cuenta como esperaba?", "¿Respondió la guía a su pregunta?",
			"¿Le sirve la solución temporal por ahora?", "¿Funciona todo como esperaba ahora?",
			"Hay una solución temporal activa mientras terminamos la solución definitiva", "Resuelto por nuestra parte",
			"Debería funcionar con normalidad", "Resuelto por nuestro equipo de soporte", "mañana", "la próxima semana",
			"dentro de dos semanas", "dentro de %d días", "%d horas", "%d días", "más de ");

	static Wording of(Language language) {
		return switch (language) {
			case ENGLISH -> ENGLISH;
			case GERMAN -> GERMAN;
			case FRENCH -> FRENCH;
			case SPANISH -> SPANISH;
		};
	}

	/** The word before the last of a list: "A, B and C". */
	String and() {
		return switch (this.language) {
			case ENGLISH -> "and";
			case GERMAN -> "und";
			case FRENCH -> "et";
			case SPANISH -> "y";
		};
	}

	/** A title (a ticket's subject) in the language's quotation marks. */
	String quoted(String title) {
		return switch (this.language) {
			case ENGLISH -> "“" + title + "”";
			case GERMAN -> "„" + title + "“";
			case FRENCH -> "«\u00a0" + title + "\u00a0»";
			case SPANISH -> "«" + title + "»";
		};
	}

	/** The guide question; a guide is named only where its name fits the sentence. */
	String guideQuestion(String template, String guide) {
		return (this.language == Language.ENGLISH) ? template.formatted(guide) : template;
	}

	/**
	 * The question whether money that went back arrived: {@code credit} is {@code refund}
	 * or {@code credit}, as {@link Resolution} reads it.
	 */
	String creditQuestion(String credit) {
		boolean refund = "refund".equals(credit);
		String named = switch (this.language) {
			case ENGLISH -> credit;
			case GERMAN -> refund ? "die Rückerstattung" : "die Gutschrift";
			case FRENCH -> refund ? "Le remboursement" : "L'avoir";
			case SPANISH -> refund ? "el reembolso" : "el abono";
		};
		return this.creditArrived.formatted(named);
	}

	/** When the CSM checks in again, at the start of a sentence ("Next week"). */
	String whenAtStart(int inDays) {
		String when = when(inDays);
		return (when == null || when.isEmpty()) ? when : Character.toUpperCase(when.charAt(0)) + when.substring(1);
	}

	/** When the CSM checks in again, to follow "I'll check ...". */
	String when(int inDays) {
		return switch (inDays) {
			case 0 -> null;
			case 1 -> this.tomorrow;
			case 7 -> this.nextWeek;
			case 14 -> this.inTwoWeeks;
			default -> this.inDays.formatted(inDays);
		};
	}

	/** How long the ticket took, in the one way each language counts it. */
	String duration(Duration open) {
		if (this.language == Language.ENGLISH) {
			return TicketDurations.describe(open);
		}
		boolean inHours = open.compareTo(Duration.ofDays(2)) < 0;
		Duration unit = inHours ? Duration.ofHours(1) : Duration.ofDays(1);
		long count = Math.max(1, open.dividedBy(unit));
		String words = (inHours ? this.hours : this.days).formatted(count);
		return unit.multipliedBy(count).equals(open) ? words : this.over + words;
	}

}
