package io.aftercare.drafting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.assessment.FollowUpLevel;

/**
 * Compares a draft with the facts it was written from. Anything the draft states that the
 * facts do not hold is a finding: a ticket number, a number, a date, an amount, a name or
 * product area, or a promise (a credit or refund nobody decided on, "this will not happen
 * again"). The contact's first name, the ticket number and the CSM's signature must be
 * there, and the length within the level's bounds.
 * <p>
 * The facts are everything the writer was given (the customer's own comments included: a
 * number the customer wrote may be repeated to them) and the template's draft for the
 * same request, which is grounded by construction. A promise counts only when the
 * resolution, an offer or the reminder's promise speaks of it, never the comments: a
 * comment asking for a refund does not make one decided. Capitalised words are checked as
 * names in English, French and Spanish; German capitalises every noun, so there only the
 * other checks apply.
 */
final class GroundingCheck {

	private static final Pattern TICKET_REF = Pattern.compile("#?\\b\\p{Lu}{1,10}-\\d[\\w-]*|#\\d{2,}");

	private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:]\\d+)*");

	private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*\\d{1,2}[.)]\\s");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

	private static final Pattern CURRENCY = Pattern.compile(
			"[$€£¥]\\s?\\d|\\d\\s?(?:[$€£¥]|usd|eur|gbp|dollars?|euros?)\\b|\\b(?:usd|eur|gbp)\\s?\\d",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DATE_WORD = Pattern.compile("\\b(?:january|february|march|april|june|july|august"
			+ "|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
			+ "|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
			+ "|januar|februar|märz|mai|juni|juli|oktober|dezember|montag|dienstag|mittwoch|donnerstag|freitag|samstag"
			+ "|sonntag|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|lundi|mardi"
			+ "|mercredi|jeudi|vendredi|samedi|dimanche|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre"
			+ "|octubre|noviembre|diciembre|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

	// Money going back to the customer, in the four languages.
	private static final Pattern CREDIT_PROMISE = Pattern.compile(
			"\\b(?:refund\\w*|credit(?:s|ed)?|reimburs\\w*|compensat\\w*|discount\\w*|free (?:month|months|year)"
					+ "|money back|rückerstatt\\w*|erstatt\\w*|gutschrift\\w*|rabatt\\w*|entschädig\\w*"
					+ "|rembours\\w*|un avoir|dédommag\\w*|remise|geste commercial|reembols\\w*|crédito|descuento"
					+ "|compensación|devoluci\\w*)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

	// Promises nobody can keep.
	private static final Pattern NEVER_AGAIN = Pattern
		.compile("(?:will|won't|shall)\\s+(?:not|never)\\s+happen\\s+again|won't happen again|never happen again"
				+ "|not happen again|\\bguarantee\\w*|\\bpromise you\\b|nie wieder|nicht wieder vorkommen"
				+ "|garantier\\w*|ne se reproduira (?:plus|pas)|plus jamais|garanti\\w*|no volverá a (?:pasar|ocurrir)"
				+ "|nunca más|garantiz\\w*",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

	// Parts of the product a draft could name that the facts must mention.
	private static final Pattern PRODUCT_AREA = Pattern.compile(
			"\\b(?:api|sso|single sign-on|billing|invoic\\w*"
					+ "|dashboards?|reporting|reports?|exports?|imports?|webhooks?|integrations?|mobile app|sync\\w*"
					+ "|permissions?|notifications?|search|database|analytics|payments?|onboarding|login|authentication"
					+ "|rechnung\\w*|abrechnung|facturation|factura\\w*|paiement|pagos?)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern BOLD = Pattern.compile("\\*\\*[^*\\n]+\\*\\*");

	private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}[\\p{L}'’-]*");

	private static final Set<String> COMMON_CAPITALS = Set.of("i", "i'm", "i'll", "i've", "i'd", "i’m", "i’ll", "i’ve",
			"hi", "hello", "dear", "best", "thanks", "thank", "regards", "ok", "okay", "csm", "faq", "it", "aftercare",
			"email", "e-mail");

	private final DraftRequest facts;

	private final String factText;

	private final String promiseText;

	private final Set<String> numbers = new HashSet<>();

	private final Set<String> words = new HashSet<>();

	private GroundingCheck(DraftRequest facts, List<String> groundedTexts) {
		this.facts = facts;
		List<String> all = new ArrayList<>();
		all.add(facts.contactFirstName());
		all.add(facts.customerName());
		all.add(facts.ticketNumber());
		all.add(facts.ticketSubject());
		all.add(facts.productArea());
		all.add(facts.resolutionSummary());
		all.addAll(facts.offers());
		all.add(facts.promise());
		all.add(facts.csmName());
		all.add(facts.csmPhone());
		all.add(facts.csmEmail());
		all.add(facts.contactRole());
		facts.alsoResolved().forEach((other) -> {
			all.add(other.number());
			all.add(other.subject());
		});
		all.addAll(facts.customerWords());
		all.add(String.valueOf(facts.reminderInDays()));
		all.add(String.valueOf(facts.timeOpen().toHours()));
		all.add(String.valueOf(facts.timeOpen().toDays()));
		all.addAll(groundedTexts);
		this.factText = String.join("\n", all.stream().filter((text) -> text != null).toList())
			.toLowerCase(Locale.ROOT);
		List<String> promises = new ArrayList<>(facts.offers());
		promises.add(facts.resolutionSummary());
		promises.add(facts.promise());
		this.promiseText = String.join("\n", promises.stream().filter((text) -> text != null).toList())
			.toLowerCase(Locale.ROOT);
		Matcher number = NUMBER.matcher(this.factText);
		while (number.find()) {
			this.numbers.add(normalised(number.group()));
		}
		for (String word : this.factText.split("[^\\p{L}\\p{N}'’-]+")) {
			this.words.add(word);
		}
	}

	/**
	 * Checks a draft against the facts of its request.
	 * @param facts what the writer was given
	 * @param groundedTexts texts known to hold only facts (the template's drafts)
	 * @param draft the draft to check
	 * @return the findings, in words the model and the CSM understand; empty when it
	 * holds
	 */
	static List<String> findings(DraftRequest facts, List<String> groundedTexts, Draft draft) {
		return new GroundingCheck(facts, groundedTexts).check(draft);
	}

	/** The smallest and largest number of words a body of the level may have. */
	static int[] wordBounds(FollowUpLevel level) {
		return switch (level) {
			case MINOR -> new int[] { 30, 200 };
			case MODERATE -> new int[] { 60, 320 };
			case MAJOR -> new int[] { 90, 420 };
		};
	}

	static int wordCount(String text) {
		String stripped = text.strip();
		return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
	}

	private List<String> check(Draft draft) {
		Set<String> found = new LinkedHashSet<>();
		String body = draft.textBody();
		String text = draft.subject() + "\n" + body;
		String lower = text.toLowerCase(Locale.ROOT);
		required(body, found);
		String rest = withoutContactDetails(text, found);
		Matcher ref = TICKET_REF.matcher(rest);
		while (ref.find()) {
			String number = ref.group().replace("#", "");
			if (!isKnownTicket(number)) {
				found.add("a ticket number that is not in the facts: " + ref.group());
			}
		}
		rest = TICKET_REF.matcher(rest).replaceAll(" ");
		rest = LIST_MARKER.matcher(rest).replaceAll(" ");
		Matcher currency = CURRENCY.matcher(rest);
		while (currency.find()) {
			Matcher amount = NUMBER.matcher(currency.group());
			if (amount.find() && !this.numbers.contains(normalised(amount.group()))) {
				found.add("an amount that is not in the facts: " + currency.group().strip());
			}
		}
		Matcher number = NUMBER.matcher(rest);
		while (number.find()) {
			if (!this.numbers.contains(normalised(number.group()))) {
				found.add("a number that is not in the facts: " + number.group());
			}
		}
		Matcher date = DATE_WORD.matcher(rest);
		while (date.find()) {
			if (!this.words.contains(date.group().toLowerCase(Locale.ROOT))) {
				found.add("a date or day that is not in the facts: " + date.group());
			}
		}
		Matcher credit = CREDIT_PROMISE.matcher(lower);
		while (credit.find()) {
			if (!CREDIT_PROMISE.matcher(this.promiseText).find()) {
				found.add("a promise of money back (\"" + credit.group()
						+ "\") that neither the resolution nor an offer makes");
				break;
			}
		}
		Matcher never = NEVER_AGAIN.matcher(lower);
		if (never.find()) {
			found.add("a promise nobody can keep: \"" + never.group() + "\"");
		}
		Matcher area = PRODUCT_AREA.matcher(rest);
		while (area.find()) {
			String said = area.group().toLowerCase(Locale.ROOT);
			if (!this.factText.contains(said) && !this.factText.contains(stem(said))) {
				found.add("a product area that is not in the facts: " + area.group());
			}
		}
		if (this.facts.language() != Language.GERMAN) {
			// The subject line is in title case, and bold labels ("**Quick Recap:**") are
			// headings: names are looked for in the body's sentences.
			String sentences = rest.substring(rest.indexOf('\n') + 1);
			names(BOLD.matcher(sentences).replaceAll(" "), found);
		}
		return List.copyOf(found);
	}

	private void required(String body, Set<String> found) {
		String lower = body.toLowerCase(Locale.ROOT);
		if (!lower.contains(this.facts.contactFirstName().toLowerCase(Locale.ROOT))) {
			found.add("the contact's name (" + this.facts.contactFirstName() + ") is missing");
		}
		String ticket = this.facts.ticketNumber().replace("#", "").strip().toLowerCase(Locale.ROOT);
		if (!lower.contains(ticket)) {
			found.add("the ticket number (" + ticket.toUpperCase(Locale.ROOT) + ") is missing");
		}
		List<String> lines = body.strip().lines().filter((line) -> !line.isBlank()).toList();
		List<String> end = lines.subList(Math.max(0, lines.size() - 5), lines.size());
		if (end.stream().noneMatch((line) -> line.strip().equalsIgnoreCase(this.facts.csmName().strip()))) {
			found.add("the signature (" + this.facts.csmName() + " on its own line at the end) is missing");
		}
		int[] bounds = wordBounds(this.facts.level());
		int count = wordCount(body);
		if (count < bounds[0] || count > bounds[1]) {
			found.add("the length (" + count + " words) is outside " + bounds[0] + " to " + bounds[1] + " words for a "
					+ this.facts.level().name().toLowerCase(Locale.ROOT) + " follow-up");
		}
	}

	private boolean isKnownTicket(String number) {
		String wanted = number.toLowerCase(Locale.ROOT);
		if (this.facts.ticketNumber().replace("#", "").strip().toLowerCase(Locale.ROOT).equals(wanted)) {
			return true;
		}
		return this.facts.alsoResolved()
			.stream()
			.anyMatch((other) -> other.number().replace("#", "").strip().toLowerCase(Locale.ROOT).equals(wanted));
	}

	// The CSM's phone and email are facts; their digits are not numbers to check.
	private String withoutContactDetails(String text, Set<String> found) {
		String rest = text;
		if (this.facts.csmPhone() != null) {
			rest = rest.replace(this.facts.csmPhone(), " ");
		}
		Matcher email = EMAIL.matcher(rest);
		while (email.find()) {
			if (!this.factText.contains(email.group().toLowerCase(Locale.ROOT))) {
				found.add("an email address that is not in the facts: " + email.group());
			}
		}
		return EMAIL.matcher(rest).replaceAll(" ");
	}

	private void names(String text, Set<String> found) {
		for (String line : text.split("\n")) {
			Matcher word = CAPITALISED.matcher(line);
			while (word.find()) {
				if (startsSentence(line, word.start())) {
					continue;
				}
				String said = word.group().replaceAll("['’-]+$", "");
				String lower = said.toLowerCase(Locale.ROOT);
				if (COMMON_CAPITALS.contains(lower) || this.words.contains(lower)
						|| this.words.contains(lower.replaceAll("['’]s$", ""))) {
					continue;
				}
				found.add("a name that is not in the facts: " + said);
			}
		}
	}

	private static boolean startsSentence(String line, int at) {
		for (int i = at - 1; i >= 0; i--) {
			char c = line.charAt(i);
			if (Character.isWhitespace(c) || c == '"' || c == '“' || c == '(' || c == '*' || c == '¿' || c == '¡') {
				continue;
			}
			return c == '.' || c == '!' || c == '?' || c == ':' || c == '•' || c == '-' || c == '–';
		}
		return true;
	}

	private static String stem(String word) {
		return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
	}

	private static String normalised(String number) {
		return number.replace(",", "").replace(".", "").replace(":", "").replaceFirst("^0+(?=\\d)", "");
	}

}
