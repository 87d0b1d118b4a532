package io.aftercare.drafting;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The issue as a person names it mid-sentence: the first clause of the ticket's subject,
 * without what it caused or when ("API rate limiting causing sync failures" is "API rate
 * limiting"), a few words long, lower-cased unless it starts with an acronym or a name
 * (German keeps its capitals: nouns have them).
 */
final class IssuePhrase {

	private static final int MOST_WORDS = 6;

	// Where a subject goes on from the issue to its effects, in the four languages.
	private static final Pattern CLAUSE_END = Pattern
		.compile("\\s+(?:causing|caused by|due to|because|when|while|after|leading to|resulting in|which|since"
				+ "|verursacht|wegen|weil|wenn|beim|nach|causant|provoquant|entraînant|à cause|lors|quand|depuis|provocando|causando"
				+ "|debido|cuando|tras|desde)\\s+|\\s*[-–—:;,(\\[]\\s+|\\s*[:;,(\\[]",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern REPLY_PREFIX = Pattern.compile("^(?:(?:re|fwd?|aw|wg)\\s*:\\s*)+",
			Pattern.CASE_INSENSITIVE);

	private IssuePhrase() {
	}

	static String of(String subject, Language language) {
		String line = TemplateDraftWriter.oneLine(subject);
		if (line == null) {
			return null;
		}
		line = REPLY_PREFIX.matcher(line).replaceFirst("").replace("\"", "").replace("“", "").replace("”", "");
		String first = CLAUSE_END.split(line, 2)[0].strip();
		if (first.isEmpty()) {
			first = line;
		}
		String[] words = first.split("\\s+");
		if (words.length > MOST_WORDS) {
			first = String.join(" ", Arrays.copyOf(words, MOST_WORDS));
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

	// A first word that is a product or company name stays capitalised. Without a
	// dictionary, guess: a capitalised first word followed by another capitalised word.
	private static boolean looksLikeAName(String phrase) {
		String[] words = phrase.split("\\s+");
		return words.length > 1 && Character.isUpperCase(words[1].charAt(0));
	}

}
