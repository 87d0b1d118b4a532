package io.aftercare.drafting;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The issue as a person names it mid-sentence: the first clause of the ticket's subject,
 * without what it caused or when ("API rate limiting causing sync failures" is "API rate
 * limiting"), lower-cased unless it starts with an acronym or a name (German keeps its
 * capitals: nouns have them). A first clause too long to read as a phrase is a sentence
 * of its own ("Appointment reminder emails show the wrong time"): cut short, it would
 * read as a mistake ("your ticket about appointment reminder emails show the wrong"), so
 * the subject is quoted whole, as the title the customer gave it, in the language's
 * quotation marks; so is a question, and in English (where the phrase follows "your
 * ticket about") a clause that is a sentence of its own ("Login fails").
 */
final class IssuePhrase {

	/** The longest first clause read as a phrase. */
	private static final int MOST_WORDS = 6;

	/** The longest title quoted whole; a longer one is cut at a word and marked so. */
	private static final int MOST_TITLE_WORDS = 12;

	// Where a subject goes on from the issue to its effects, in the four languages.
	private static final Pattern CLAUSE_END = Pattern
		.compile("\\s+(?:causing|caused by|due to|because|when|while|after|leading to|resulting in|which|since"
				+ "|verursacht|wegen|weil|wenn|beim|nach|causant|provoquant|entraînant|à cause|lors|quand|depuis|provocando|causando"
				+ "|debido|cuando|tras|desde)\\s+|\\s*[-–—:;,(\\[]\\s+|\\s*[:;,(\\[]",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	// What mail programs put before a subject they answer or forward, in the four
	// languages: "Re:", "Fwd:", "AW:", "WG:", "TR:", "RV:".
	private static final Pattern REPLY_PREFIX = Pattern.compile("^(?:(?:re|fwd?|aw|wg|tr|rv)\\s*:\\s*)+",
			Pattern.CASE_INSENSITIVE);

	// Words that make an English subject a sentence ("Exports time out", "Login fails",
	// "Gradebook sync overwrote teacher edits", "Tracking portal down"): after "your
	// ticket about" it would read as broken grammar, so it is quoted as a title instead.
	// Generous on purpose: a noun phrase quoted by mistake still reads well.
	private static final Pattern SENTENCE = Pattern.compile("\\b(?:is|are|was|were|be|been|isn't|aren't|wasn't"
			+ "|weren't|does|doesn't|do|don't|did|didn't|can|can't|cannot|could|couldn't|will|won't|would"
			+ "|wouldn't|has|have|had|hasn't|haven't|not|no longer|shows?|showed|returns?|returned|drops?"
			+ "|dropped|fails?|failed|breaks?|broke|crash(?:es)?|crashed|stops?|stopped|overwrites?|overwrote"
			+ "|takes?|took|keeps?|kept|loads?|hangs?|hung|freezes?|froze|goes|went|gets?|got|throws?|threw"
			+ "|rejects?|rejected|loses?|lost|disappear(?:s|ed)?|appears?|sends?|sent|needs?|wants?"
			+ "|(?:times?|timed) out|down|broken|wrong)\\b", Pattern.CASE_INSENSITIVE);

	// The customer's own quotation marks: the phrase may be quoted in ours.
	private static final Pattern QUOTES = Pattern.compile("[\"“”„«»]");

	private IssuePhrase() {
	}

	/**
	 * The subject as the customer gave it, on one line and without the "Re:" or "Fwd:" a
	 * mail program put before it: for the recap and the email's subject line.
	 */
	static String asGiven(String subject) {
		String line = TemplateDraftWriter.oneLine(subject);
		if (line == null) {
			return null;
		}
		String bare = REPLY_PREFIX.matcher(line).replaceFirst("").strip();
		return bare.isEmpty() ? line : bare;
	}

	static String of(String subject, Language language) {
		String line = asGiven(subject);
		if (line == null) {
			return null;
		}
		line = QUOTES.matcher(line).replaceAll("").strip();
		String first = CLAUSE_END.split(line, 2)[0].strip();
		if (first.isEmpty()) {
			first = line;
		}
		// A question reads as a title too: "your ticket about why is export slow" would
		// not.
		if (first.split("\\s+").length > MOST_WORDS || line.endsWith("?")
				|| (language == Language.ENGLISH && SENTENCE.matcher(first).find())) {
			return title(line, language);
		}
		first = first.replaceAll("[.!?\\s]+$", "");
		// "Exports time out" reads "exports time out" mid-sentence; "API ..." and names
		// ("Salesforce sync") keep their capital.
		if (language != Language.GERMAN && first.length() > 1 && Character.isUpperCase(first.charAt(0))
				&& Character.isLowerCase(first.charAt(1)) && !first.split("\\s+")[0].matches(".*\\p{Lu}.*\\p{Lu}.*")
				&& !looksLikeAName(first)) {
			first = Character.toLowerCase(first.charAt(0)) + first.substring(1);
		}
		return first;
	}

	/**
	 * A ticket's subject as its title, in the language's quotation marks: "Your other
	 * ticket, “Login is slow” (#AC-12), ..."
	 */
	static String quoted(String subject, Language language) {
		String line = asGiven(subject);
		return (line != null) ? title(QUOTES.matcher(line).replaceAll("").strip(), language) : null;
	}

	private static String title(String subject, Language language) {
		String[] words = subject.split("\\s+");
		// A title keeps its question mark; a closing period goes, as in any title.
		String title = (words.length > MOST_TITLE_WORDS)
				? String.join(" ", Arrays.copyOf(words, MOST_TITLE_WORDS)).replaceAll("[.,;:\\s]+$", "") + "…"
				: subject.replaceAll("[.\\s]+$", "");
		return Wording.of(language).quoted(title);
	}

	// A first word that is a product or company name stays capitalised. Without a
	// dictionary, guess: a capitalised first word followed by another capitalised word.
	private static boolean looksLikeAName(String phrase) {
		String[] words = phrase.split("\\s+");
		return words.length > 1 && Character.isUpperCase(words[1].charAt(0));
	}

}
