package io.aftercare.drafting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.assessment.FollowUpLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's evaluation, kept with the code: 36 ticket contexts (three levels, four
 * languages, three kinds of resolution) written by the templates and by the writer with a
 * scripted model, every draft checked by the grounding checker and by the content rules.
 * The scripted model writes from the facts it is sent, and slips on purpose in some
 * contexts (an invented number, a date, a credit or "never again" promise, a missing
 * ticket number), once or twice, so that the retry and the fallback are exercised too.
 * The report, with every finding, is written to {@code target/draft-evaluation.md};
 * {@code docs/drafting-evaluation.md} summarises it.
 */
class DraftEvaluationTests {

	enum Slip {

		NONE, NUMBER, DATE_ONCE, CREDIT, TICKET_ONCE, NEVER_AGAIN

	}

	private final TemplateDraftWriter templates = new TemplateDraftWriter();

	@Test
	void everyDraftOfTheTemplatesAndOfTheWriterHoldsToTheFactsAndTheContentRules() throws IOException {
		List<Case> cases = cases();
		ScriptedModel model = new ScriptedModel(cases);
		Drafting writer = new Drafting(this.templates, model, Duration.ofSeconds(5), 4000);
		StringBuilder report = new StringBuilder("# Draft evaluation\n\n");
		report.append("| # | context | language | level | template | writer | slip | first attempt's findings | "
				+ "final draft |\n|---|---|---|---|---|---|---|---|---|\n");
		Set<Language> languages = EnumSet.noneOf(Language.class);
		Set<FollowUpLevel> levels = EnumSet.noneOf(FollowUpLevel.class);
		List<String> failures = new ArrayList<>();
		int accepted = 0;
		int fellBack = 0;
		int caught = 0;
		for (int i = 0; i < cases.size(); i++) {
			Case c = cases.get(i);
			languages.add(c.request().language());
			levels.add(c.request().level());
			Draft template = this.templates.write(c.request());
			List<String> templateFindings = new ArrayList<>(GroundingCheck.findings(c.request(), List.of(), template));
			templateFindings.addAll(ContentRules.check(c.request(), template));
			WrittenDraft written = writer.write(c.request());
			List<String> finalFindings = new ArrayList<>(
					GroundingCheck.findings(c.request(), List.of(), written.draft()));
			finalFindings.addAll(ContentRules.check(c.request(), written.draft()));
			if (written.writer() == WrittenDraft.Writer.MODEL) {
				// A model's draft is checked against the facts alone, its template aside.
				finalFindings = new ArrayList<>(GroundingCheck.findings(c.request(),
						List.of(template.subject() + "\n" + template.textBody()), written.draft()));
				finalFindings.addAll(ContentRules.check(c.request(), written.draft()));
				accepted++;
			}
			else {
				fellBack++;
			}
			String firstFindings = model.retryFindings.getOrDefault(c.request().ticketNumber(), "");
			if (!firstFindings.isEmpty()) {
				caught++;
			}
			if (!templateFindings.isEmpty()) {
				failures.add(c.name() + " template: " + templateFindings);
			}
			if (!finalFindings.isEmpty()) {
				failures.add(c.name() + " final: " + finalFindings);
			}
			boolean slipped = c.slip() != Slip.NONE;
			if (slipped && firstFindings.isEmpty()) {
				failures.add(c.name() + ": the checker missed the " + c.slip() + " slip");
			}
			if (!slipped && written.writer() != WrittenDraft.Writer.MODEL) {
				failures.add(c.name() + ": a faithful draft fell back: " + written.fallbackReason());
			}
			report.append("| ")
				.append(i + 1)
				.append(" | ")
				.append(c.name())
				.append(" | ")
				.append(c.request().language().label())
				.append(" | ")
				.append(c.request().level())
				.append(" | ")
				.append(templateFindings.isEmpty() ? "passes" : cell(String.join("; ", templateFindings)))
				.append(" | ")
				.append(written.writer())
				.append((written.fallbackReason() != null) ? " (" + cell(written.fallbackReason()) + ")" : "")
				.append(" | ")
				.append(c.slip())
				.append(" | ")
				.append(firstFindings.isEmpty() ? "none" : cell(firstFindings))
				.append(" | ")
				.append(finalFindings.isEmpty() ? "passes" : cell(String.join("; ", finalFindings)))
				.append(" |\n");
		}
		report.append("\n")
			.append(cases.size())
			.append(" contexts. Writer: ")
			.append(accepted)
			.append(" model drafts accepted, ")
			.append(fellBack)
			.append(" replaced by the template; the checker caught ")
			.append(caught)
			.append(" slips.\n\nFailures: ")
			.append(failures.isEmpty() ? "none" : "\n- " + String.join("\n- ", failures))
			.append("\n\nThe drafts:\n");
		for (Case c : cases) {
			report.append("\n## ")
				.append(c.name())
				.append(" (")
				.append(c.request().language().label())
				.append(", ")
				.append(c.request().level())
				.append(")\n\n```\n")
				.append(this.templates.write(c.request()).textBody())
				.append("```\n");
		}
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/draft-evaluation.md"), report);

		assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
		assertThat(languages).containsExactlyInAnyOrder(Language.values());
		assertThat(levels).containsExactlyInAnyOrder(FollowUpLevel.values());
		assertThat(failures).as("see target/draft-evaluation.md").isEmpty();
		assertThat(caught).as("every slip is caught")
			.isEqualTo(cases.stream().filter((c) -> c.slip() != Slip.NONE).count());
	}

	private static String cell(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}

	record Case(String name, DraftRequest request, Slip slip) {
	}

	/** Three kinds of ticket in each language, at each level. */
	static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		int n = 0;
		for (Language language : Language.values()) {
			Facts facts = Facts.of(language);
			for (FollowUpLevel level : FollowUpLevel.values()) {
				for (int kind = 0; kind < 3; kind++) {
					n++;
					String number = "EV-" + (100 + n);
					Slip slip = Slip.values()[(n + 1) % Slip.values().length];
					boolean credited = kind == 2;
					if (credited && slip == Slip.CREDIT) {
						slip = Slip.NEVER_AGAIN;
					}
					String promise = switch (level) {
						case MAJOR -> "check your " + facts.area[kind] + " metrics";
						case MODERATE -> "check that the fix is still holding";
						case MINOR -> null;
					};
					List<String> offers = switch (level) {
						case MAJOR ->
							(kind == 0)
									? List.of("A call with one of our executives, if you'd like one",
											"A review of your recent tickets together, to look for a pattern")
									: List.of();
						case MODERATE ->
							(kind == 0) ? List.of("A short call to walk through the optimization guide") : List.of();
						case MINOR ->
							(kind == 0) ? List.of("A link back to the optimization guide in case questions come up")
									: List.of();
					};
					DraftRequest request = new DraftRequest(level, facts.contact, facts.customer, number,
							facts.subject[kind], facts.area[kind], facts.resolution[kind],
							(kind == 2) ? Duration.ofHours(3) : Duration.ofDays(2 + kind + level.ordinal()), kind != 2,
							kind == 0 && level != FollowUpLevel.MINOR, 5, offers, promise, (promise != null) ? 7 : 0,
							facts.csm, (kind == 1) ? null : "+49 30 5550 142",
							(kind == 1) ? "csm@aftercare.example" : null,
							(kind == 1) ? List.of(new DraftRequest.OtherTicket("EV-9" + n, facts.other)) : List.of(),
							facts.role, language, List.of(facts.comment[kind]), List.of("Escalated to engineering"),
							List.of("Health Score: Dropped 5 points during issue", "Escalated to engineering"));
					cases.add(new Case(language.code() + "-" + level.name().toLowerCase(Locale.ROOT) + "-" + kind,
							request, slip));
				}
			}
		}
		return cases;
	}

	/** What a customer in each language wrote, and how support resolved it. */
	record Facts(String contact, String role, String customer, String csm, String[] subject, String[] area,
			String[] resolution, String[] comment, String other) {

		static Facts of(Language language) {
			return switch (language) {
				case ENGLISH ->
					new Facts("David", "VP Engineering", "TechFlow", "Sam Rivera",
							new String[] { "API rate limiting causing sync failures",
									"Exports time out on large reports", "Charged twice for the March invoice" },
							new String[] { "API", "reporting", "billing" },
							new String[] { "Rate limits increased 3x, optimization guide provided",
									"Workaround: export in smaller date ranges until the fix ships",
									"Duplicate charge refunded" },
							new String[] { "Our syncs keep failing with 429 errors, this is hurting us.",
									"The export of the yearly report never finishes.",
									"We were charged twice, please fix this." },
							"Login page is slow");
				case GERMAN -> new Facts("Jonas", "Leiter IT", "Nordlicht GmbH", "Sam Rivera",
						new String[] { "API-Limit verursacht Synchronisationsfehler",
								"Export bricht bei großen Berichten ab", "Rechnung doppelt abgebucht" },
						new String[] { "API", "Berichte", "Abrechnung" },
						new String[] { "Limit erhöht, Anleitung zur Optimierung bereitgestellt",
								"Übergangslösung: in kleineren Zeiträumen exportieren, bis die Korrektur kommt",
								"Doppelte Abbuchung rückerstattet" },
						new String[] { "Unsere Synchronisation bricht immer wieder ab, das ist für uns ein Problem.",
								"Der Export des Jahresberichts wird nie fertig, wir brauchen ihn bitte schnell.",
								"Wir haben die Rechnung doppelt bezahlt, bitte korrigieren Sie das." },
						"Anmeldeseite ist langsam");
				case FRENCH -> new Facts("Camille", "Directrice technique", "Lumière SAS", "Sam Rivera",
						new String[] { "Limite de l'API provoquant des erreurs de synchronisation",
								"L'export échoue sur les gros rapports", "Facture prélevée deux fois" },
						new String[] { "API", "rapports", "facturation" },
						new String[] { "Limite augmentée, guide d'optimisation fourni",
								"Solution de contournement : exporter par périodes plus courtes en attendant le correctif",
								"Double prélèvement remboursé" },
						new String[] {
								"Nos synchronisations échouent encore et encore, nous ne pouvons pas travailler.",
								"L'export du rapport annuel ne se termine jamais, merci de nous aider.",
								"Nous avons été prélevés deux fois pour la même facture." },
						"La page de connexion est lente");
				case SPANISH -> new Facts("Lucía", "Directora de operaciones", "Sol Andino", "Sam Rivera",
						new String[] { "Límite de la API causando errores de sincronización",
								"La exportación falla con informes grandes", "Cobro duplicado de la factura" },
						new String[] { "API", "informes", "facturación" },
						new String[] { "Límite aumentado, guía de optimización enviada",
								"Solución temporal: exportar por periodos más cortos hasta la corrección",
								"Cobro duplicado reembolsado" },
						new String[] {
								"Nuestras sincronizaciones siguen fallando y no podemos trabajar con normalidad.",
								"La exportación del informe anual nunca termina, por favor ayúdennos.",
								"Nos cobraron dos veces la misma factura, esto no puede ser." },
						"La página de inicio de sesión es lenta");
			};
		}

	}

	/**
	 * A model that writes from the facts it is sent, in their language, and slips as its
	 * context says: once (right on the retry) or every time.
	 */
	static final class ScriptedModel implements DraftModel {

		private static final Pattern LINE = Pattern.compile("(?m)^([^:\\n]+): (.*)$");

		private final Map<String, Slip> slips = new LinkedHashMap<>();

		final Map<String, String> retryFindings = new LinkedHashMap<>();

		ScriptedModel(List<Case> cases) {
			cases.forEach((c) -> this.slips.put(c.request().ticketNumber(), c.slip()));
		}

		@Override
		public Answer write(String instructions, String message) {
			Map<String, String> facts = new LinkedHashMap<>();
			List<String> offers = new ArrayList<>();
			Matcher line = LINE.matcher(message.substring(0, message.indexOf("<customer_comments>")));
			while (line.find()) {
				if (line.group(1).equals("Offer you may make")) {
					offers.add(line.group(2));
				}
				facts.putIfAbsent(line.group(1), line.group(2));
			}
			String number = facts.get("Ticket number").substring(1);
			boolean retry = message.contains("rejected by the fact checker");
			if (retry) {
				this.retryFindings.put(number, message.substring(message.indexOf("because of: ") + 12,
						message.indexOf(". Write the email again")));
			}
			Slip slip = this.slips.get(number);
			if (retry && (slip == Slip.DATE_ONCE || slip == Slip.TICKET_ONCE)) {
				slip = Slip.NONE;
			}
			Language language = languageOf(instructions);
			return new Answer(email(language, facts, offers, slip, instructions.contains("relationship repair")), 800);
		}

		private static Language languageOf(String instructions) {
			for (Language language : Language.values()) {
				if (instructions.contains("in " + language.label() + ",")) {
					return language;
				}
			}
			throw new IllegalStateException("no language in the instructions");
		}

		private static String email(Language language, Map<String, String> facts, List<String> offers, Slip slip,
				boolean major) {
			String number = (slip == Slip.TICKET_ONCE) ? "" : facts.get("Ticket number");
			String first = facts.get("Contact's first name");
			String subject = facts.get("Ticket subject (the customer's words)");
			String resolution = facts.get("Resolution (what support did)");
			String next = facts.get("Next step the CSM commits to");
			String phone = facts.get("CSM's phone");
			String email = facts.get("CSM's email");
			String[] w = words(language);
			StringBuilder body = new StringBuilder();
			body.append(w[0]).append(' ').append(first).append(w[1]).append("\n\n");
			body.append(w[2].formatted(number, subject, resolution)).append("\n\n");
			if (major) {
				body.append(w[3]).append("\n\n");
			}
			body.append(w[4]).append("\n\n");
			if (next != null) {
				body.append(w[5].formatted(next)).append("\n\n");
			}
			if (!offers.isEmpty()) {
				body.append(w[6]).append('\n');
				offers.forEach((offer) -> body.append("• ").append(offer).append('\n'));
				body.append('\n');
			}
			String slipped = switch (slip) {
				case NUMBER -> w[9];
				case DATE_ONCE -> w[10];
				case CREDIT -> w[11];
				case NEVER_AGAIN -> w[12];
				default -> null;
			};
			if (slipped != null) {
				body.append(slipped).append("\n\n");
			}
			body.append(w[7]).append("\n\n").append(w[8]).append('\n').append(facts.get("CSM's name")).append('\n');
			if (phone != null) {
				body.append(phone).append('\n');
			}
			if (email != null) {
				body.append(email).append('\n');
			}
			return "Subject: " + w[13].formatted(number) + "\n\n" + body;
		}

		private static String[] words(Language language) {
			return switch (language) {
				case ENGLISH -> new String[] { "Hi", ",",
						"I'm writing about your ticket %s (%s) now that it is resolved: %s.",
						"I know this took longer than it should have, and I'm sorry for the disruption it caused you "
								+ "and your team. I appreciate your patience while our team worked on it, and I want to "
								+ "make sure everything is back to normal on your side.",
						"Is everything working the way you need it to now? And is there anything else I should flag "
								+ "to our team?",
						"As a next step, I'll %s.", "If it helps, I can also set up:",
						"If anything else comes up, just reply here - I'm happy to help.", "Best,",
						"We raised your limit to 75,000 requests an hour.", "I'll call you on March 3 to check in.",
						"We will credit your account for the trouble.", "This will not happen again.",
						"Following up on your ticket %s" };
				case GERMAN -> new String[] { "Hallo", ",",
						"ich melde mich zu Ihrem Ticket %s (%s), das jetzt gelöst ist: %s.",
						"Ich weiß, dass das länger gedauert hat, als es sollte, und es tut mir leid, dass es Sie und "
								+ "Ihr Team gestört hat. Danke für Ihre Geduld, während unser Team daran gearbeitet hat; "
								+ "ich möchte sichergehen, dass bei Ihnen wieder alles normal läuft.",
						"Funktioniert jetzt alles so, wie Sie es brauchen? Und gibt es noch etwas, das ich an unser "
								+ "Team weitergeben sollte?",
						"Als nächsten Schritt werde ich %s.", "Wenn es Ihnen hilft, organisiere ich gern:",
						"Wenn noch etwas ist, antworten Sie einfach auf diese E-Mail - ich helfe gern.", "Viele Grüße",
						"Wir haben Ihr Limit auf 75.000 Anfragen pro Stunde erhöht.",
						"Ich rufe Sie am 3. März an, um nachzufragen.", "Wir schreiben Ihnen eine Gutschrift gut.",
						"Das wird nie wieder vorkommen.", "Nachfrage zu Ihrem Ticket %s" };
				case FRENCH -> new String[] { "Bonjour", ",",
						"Je reviens vers vous au sujet de votre ticket %s (%s), désormais résolu : %s.",
						"Je sais que cela a pris plus de temps que prévu, et je suis désolé pour la gêne occasionnée "
								+ "pour vous et votre équipe. Merci pour votre patience pendant que notre équipe y "
								+ "travaillait ; je veux m'assurer que tout est revenu à la normale de votre côté.",
						"Tout fonctionne-t-il maintenant comme vous le souhaitez ? Y a-t-il autre chose que je devrais "
								+ "signaler à notre équipe ?",
						"Comme prochaine étape, je vais %s.", "Si cela peut vous aider, je peux aussi organiser :",
						"Si quoi que ce soit d'autre se présente, répondez simplement à ce message - je suis là pour "
								+ "vous aider.",
						"Bien cordialement,", "Nous avons relevé votre limite à 75 000 requêtes par heure.",
						"Je vous appellerai le 3 mars pour faire le point.",
						"Nous vous accorderons un avoir pour la gêne occasionnée.", "Cela ne se reproduira plus.",
						"Suite à votre ticket %s" };
				case SPANISH -> new String[] { "Hola", ":",
						"Le escribo sobre su ticket %s (%s), que ya está resuelto: %s.",
						"Sé que esto llevó más tiempo del debido, y lamento las molestias que le causó a usted y a su "
								+ "equipo. Gracias por su paciencia mientras nuestro equipo trabajaba en ello; quiero "
								+ "asegurarme de que todo ha vuelto a la normalidad.",
						"¿Funciona todo ahora como lo necesita? ¿Hay algo más que deba comentar con nuestro equipo?",
						"Como siguiente paso, voy a %s.", "Si le resulta útil, también puedo organizar:",
						"Si surge cualquier otra cosa, responda a este mensaje: estoy aquí para ayudarle.",
						"Un saludo,", "Hemos aumentado su límite a 75.000 solicitudes por hora.",
						"Le llamaré el 3 de marzo para ver cómo va todo.",
						"Le abonaremos un descuento en su próxima factura.", "Esto no volverá a ocurrir.",
						"Seguimiento de su ticket %s" };
			};
		}

	}

	/** What every follow-up must do, whoever wrote it. */
	static final class ContentRules {

		private static final Map<Language, Pattern> HELP = Map.of(Language.ENGLISH,
				Pattern.compile("help|call|reply|reach out", Pattern.CASE_INSENSITIVE), Language.GERMAN,
				Pattern.compile("helfe|hilft|Telefonat|antworten|melden", Pattern.CASE_INSENSITIVE), Language.FRENCH,
				Pattern.compile("aider|appel|répondez|contactez", Pattern.CASE_INSENSITIVE), Language.SPANISH,
				Pattern.compile("ayudar|llamada|responda|escríbame", Pattern.CASE_INSENSITIVE));

		static List<String> check(DraftRequest request, Draft draft) {
			List<String> broken = new ArrayList<>();
			String body = draft.textBody();
			if (!body.contains(request.ticketNumber())) {
				broken.add("does not name the ticket");
			}
			if (request.resolutionSummary() != null && !body.toLowerCase(Locale.ROOT)
				.contains(request.resolutionSummary().toLowerCase(Locale.ROOT).replaceAll("[.\\s]+$", ""))) {
				broken.add("does not say how it was resolved");
			}
			if (body.lines().noneMatch((line) -> line.strip().endsWith("?"))) {
				broken.add("asks no question");
			}
			if (!HELP.get(request.language()).matcher(body).find()) {
				broken.add("offers no help");
			}
			List<String> lines = body.strip().lines().filter((line) -> !line.isBlank()).toList();
			if (lines.subList(Math.max(0, lines.size() - 3), lines.size())
				.stream()
				.noneMatch((line) -> line.strip().equals(request.csmName()))) {
				broken.add("is not signed by the CSM");
			}
			int[] bounds = GroundingCheck.wordBounds(request.level());
			int words = GroundingCheck.wordCount(body);
			if (words < bounds[0] || words > bounds[1]) {
				broken.add("has " + words + " words, outside " + bounds[0] + " to " + bounds[1]);
			}
			return broken;
		}

	}

}
