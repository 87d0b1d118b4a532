package io.aftercare.drafting;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.aftercare.shared.Text;
import io.aftercare.ticket.TicketDurations;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Writes follow-up emails from the plain-text templates {@code templates/mail/followup-
 * minor.txt}, {@code -moderate.txt} and {@code -major.txt}, and their German, French and
 * Spanish versions ({@code followup-major-de.txt}, ...). A template's first line is
 * {@code Subject: ...}, then a blank line, then the body. How long the ticket was open
 * reaches them in words ({@code timeOpen}, from {@link TicketDurations} in English, such
 * as "over 4 days"); whether it was longer than the ticket's priority should take
 * ({@code resolvedLate}) decides whether the email mentions it at all. The issue reaches
 * the sentences as a short phrase of the ticket's subject ({@code issue}: "API rate
 * limiting"), the recap lists the subject as the customer wrote it ({@code subject}).
 */
@Component
public class TemplateDraftWriter implements DraftWriter {

	private static final String SUBJECT_PREFIX = "Subject: ";

	// Long ticket subjects would push the rest of the subject line out of view.
	private static final int MAX_SUBJECT_PART = 60;

	private static final Pattern LINE_BREAKS_AND_CONTROLS = Pattern.compile("[\\s\\p{Cc}\\p{Zl}\\p{Zp}]+");

	private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+(?=\\n)");

	private static final Pattern EXTRA_BLANK_LINES = Pattern.compile("\\n{3,}");

	private static final Pattern CALL = Pattern.compile("\\b(call|anruf|telefonat|gespräch|appel|llamada)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

	private final TemplateEngine templates;

	public TemplateDraftWriter() {
		// Our own TEXT-mode engine: Boot's auto-configured one renders HTML pages and
		// would escape the plain-text mail.
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		this.templates = engine;
	}

	@Override
	public Draft write(DraftRequest request) {
		String template = "followup-" + request.level().name().toLowerCase(Locale.ROOT)
				+ ((request.language() == Language.ENGLISH) ? "" : "-" + request.language().code());
		String rendered = this.templates.process(template, context(request));
		return split(tidy(rendered), template);
	}

	private Context context(DraftRequest request) {
		Resolution resolution = Resolution.read(request.resolutionSummary());
		Wording wording = Wording.of(request.language());
		String resolutionText = withoutClosingPeriod(oneLine(request.resolutionSummary()));
		List<String> offers = request.offers()
			.stream()
			.map((offer) -> Phrasebook.offer(oneLine(offer), request.language()))
			.toList();
		// A call is offered once: by an offer, else by a question or the closing line.
		boolean callOffered = offers.stream().anyMatch(TemplateDraftWriter::offersACall);
		Context context = new Context(request.language().locale());
		// Every value is made one line: the templates own the layout, and a line break in
		// the subject would let customer text inject mail headers.
		context.setVariable("firstName", oneLine(request.contactFirstName()));
		context.setVariable("customerName", oneLine(request.customerName()));
		context.setVariable("ticketNumber", ticketNumber(request.ticketNumber()));
		context.setVariable("issue", IssuePhrase.of(request.ticketSubject(), request.language()));
		String subject = withoutClosingPeriod(IssuePhrase.asGiven(request.ticketSubject()));
		context.setVariable("subject", subject);
		context.setVariable("subjectIssue", shortened(subject));
		context.setVariable("productArea", shortened(oneLine(request.productArea())));
		context.setVariable("resolution", (resolutionText != null) ? resolutionText : wording.resolvedBySupport());
		context.setVariable("resolutionInSentence", inSentence(resolutionText));
		context.setVariable("resolved", resolutionText != null);
		context.setVariable("status", resolution.status(wording));
		context.setVariable("questions",
				FollowUpQuestions.forResolution(request.level(), request.resolutionSummary(), wording, callOffered));
		context.setVariable("callOffered", callOffered);
		// Worded by the one formatter, as on the card and in the reasons.
		context.setVariable("timeOpen", wording.duration(request.timeOpen()));
		context.setVariable("resolvedLate", request.resolvedLate());
		context.setVariable("escalated", request.escalated());
		context.setVariable("customerUpset", request.customerUpset());
		context.setVariable("offers", offers);
		context.setVariable("promise",
				Phrasebook.promise(withoutClosingPeriod(oneLine(request.promise())), request.language()));
		context.setVariable("reminderWhen", wording.when(request.reminderInDays()));
		context.setVariable("reminderWhenStart", wording.whenAtStart(request.reminderInDays()));
		context.setVariable("alsoResolved", alsoResolved(request.alsoResolved(), request.language()));
		context.setVariable("alsoResolvedCount", request.alsoResolved().size());
		context.setVariable("csmName", oneLine(request.csmName()));
		context.setVariable("csmPhone", oneLine(request.csmPhone()));
		context.setVariable("csmEmail", oneLine(request.csmEmail()));
		return context;
	}

	/**
	 * The other tickets resolved with this one, as a sentence names them: each quoted
	 * with its number, the last two joined by the language's "and", the others by commas;
	 * {@code null} without any.
	 */
	private static String alsoResolved(List<DraftRequest.OtherTicket> others, Language language) {
		List<String> named = others.stream()
			.map((other) -> IssuePhrase.quoted(other.subject(), language) + " (#" + ticketNumber(other.number()) + ")")
			.toList();
		if (named.isEmpty()) {
			return null;
		}
		if (named.size() == 1) {
			return named.get(0);
		}
		return String.join(", ", named.subList(0, named.size() - 1)) + " " + Wording.of(language).and() + " "
				+ named.get(named.size() - 1);
	}

	private static Draft split(String rendered, String template) {
		int endOfSubject = rendered.indexOf("\n\n");
		if (!rendered.startsWith(SUBJECT_PREFIX) || endOfSubject < 0) {
			throw new IllegalStateException(
					"Template " + template + " must start with a 'Subject: ' line followed by a blank line");
		}
		String subject = rendered.substring(SUBJECT_PREFIX.length(), endOfSubject).strip();
		String body = rendered.substring(endOfSubject + 2);
		return new Draft(subject, body);
	}

	// Conditional blocks in the templates leave trailing spaces and doubled blank lines
	// behind; the CSM should get a clean draft to edit.
	private static String tidy(String rendered) {
		String text = rendered.replace("\r\n", "\n");
		text = TRAILING_SPACES.matcher(text).replaceAll("");
		text = EXTRA_BLANK_LINES.matcher(text).replaceAll("\n\n");
		return text.strip() + "\n";
	}

	static String oneLine(String text) {
		if (text == null) {
			return null;
		}
		String line = LINE_BREAKS_AND_CONTROLS.matcher(text).replaceAll(" ").strip();
		return line.isEmpty() ? null : line;
	}

	private static String shortened(String text) {
		if (text == null || text.length() <= MAX_SUBJECT_PART) {
			return text;
		}
		return Text.cut(MAX_SUBJECT_PART, text).stripTrailing() + "...";
	}

	private static String ticketNumber(String ticketNumber) {
		String number = oneLine(ticketNumber);
		// The templates write "#TF-2024-0847"; some systems already include the hash.
		return number.startsWith("#") ? number.substring(1).strip() : number;
	}

	private static String withoutClosingPeriod(String text) {
		if (text == null) {
			return null;
		}
		String trimmed = text.replaceAll("[.\\s]+$", "");
		return trimmed.isEmpty() ? null : trimmed;
	}

	// "Rate limits increased 3x" reads "rate limits increased 3x" mid-sentence; "API keys
	// rotated" keeps its acronym.
	private static String inSentence(String text) {
		if (text == null || text.length() < 2 || Character.isUpperCase(text.charAt(1))) {
			return text;
		}
		return Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	private static boolean offersACall(String offer) {
		return CALL.matcher(offer).find();
	}

}
