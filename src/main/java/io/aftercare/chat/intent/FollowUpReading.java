package io.aftercare.chat.intent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.aftercare.chat.intent.Intent.FollowUp;

/**
 * Reads what follows the verb of a follow-up request ("TechFlow on their resolved API
 * ticket") into the customer, the ticket number and the words describing the ticket.
 * <p>
 * The customer is the words up to the first word that starts the ticket's description
 * ("on", "about", "re:", "for", "after", "ticket", a number, a comma, a possessive). A
 * customer whose name contains one of these words ("Salon on Main") is cut short there;
 * {@link CustomerMatcher} still finds it by prefix.
 */
final class FollowUpReading {

	private static final Set<String> DESCRIPTION_STARTS = Set.of("on", "about", "re", "regarding", "concerning", "for",
			"after", "following", "over", "ticket", "tickets", "case");

	// Words before a ticket number: "ticket 4211", "ticket no. 4211", "case #4211".
	private static final Set<String> NUMBER_INTRODUCERS = Set.of("ticket", "case", "number", "no", "num", "nr");

	// Words that say nothing about which ticket: stop words, and words every ticket of a
	// follow-up shares (it is a resolved support ticket, an issue, a problem).
	private static final Set<String> NOT_DESCRIBING = Set.of("a", "an", "the", "on", "about", "re", "regarding",
			"concerning", "for", "after", "following", "over", "with", "to", "of", "in", "at", "by", "from", "and",
			"or", "their", "they", "them", "its", "it", "his", "her", "our", "my", "your", "this", "that", "these",
			"those", "was", "were", "is", "are", "had", "has", "have", "some", "any", "just", "please", "recent",
			"recently", "last", "latest", "resolved", "closed", "fixed", "solved", "ticket", "tickets", "issue",
			"issues", "problem", "problems", "bug", "bugs", "support", "case", "request", "one", "no", "number");

	private static final Pattern HASH_NUMBER = Pattern.compile("#([A-Za-z0-9][A-Za-z0-9-]*)");

	// "TF-2024-0847", "ZD-4211": letters, a dash, and at least three digits in all, so
	// that "X-1 Labs" stays a name.
	private static final Pattern PREFIXED_NUMBER = Pattern.compile("[A-Za-z]{1,10}(?:-[A-Za-z0-9]+)+");

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

	private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}#]+|[^\\p{L}\\p{N}]+$");

	private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern POSSESSIVE = Pattern.compile(".*(?:'s|s')[.,;:!?]*$", Pattern.CASE_INSENSITIVE);

	private static final int MIN_PREFIXED_NUMBER_DIGITS = 3;

	private FollowUpReading() {
	}

	/**
	 * The follow-up asked for by the words after the verb.
	 * @param rest the words after the verb, {@code null} when there are none
	 */
	static FollowUp of(String rest) {
		List<String> customer = new ArrayList<>();
		Set<String> words = new LinkedHashSet<>();
		String number = null;
		boolean inCustomer = true;
		String previous = "";
		for (String token : (rest != null && !rest.isBlank()) ? rest.strip().split(" ") : new String[0]) {
			String core = EDGE_PUNCTUATION.matcher(token).replaceAll("");
			String bare = core.replace("#", "").toLowerCase(Locale.ROOT);
			String ticketNumber = (number == null) ? ticketNumber(core, previous) : null;
			previous = bare;
			if (ticketNumber != null) {
				number = ticketNumber;
				inCustomer = false;
				continue;
			}
			if (inCustomer) {
				if (bare.isEmpty() || core.startsWith("#") || DESCRIPTION_STARTS.contains(bare)) {
					inCustomer = false;
				}
				else {
					customer.add(token);
					// "TechFlow's API ticket", "Initech, the login bug"
					inCustomer = !(POSSESSIVE.matcher(token).matches() || token.matches(".*[,;:]$"));
					continue;
				}
			}
			for (String word : NOT_LETTERS_OR_DIGITS.split(bare)) {
				if (word.length() > 1 && !NOT_DESCRIBING.contains(word)) {
					words.add(word);
				}
			}
		}
		return new FollowUp(CustomerPhrase.of(String.join(" ", customer)), number, List.copyOf(words));
	}

	private static String ticketNumber(String core, String previousWord) {
		var hash = HASH_NUMBER.matcher(core);
		if (hash.matches() && hasDigits(hash.group(1), 1)) {
			return hash.group(1);
		}
		if (PREFIXED_NUMBER.matcher(core).matches() && hasDigits(core, MIN_PREFIXED_NUMBER_DIGITS)) {
			return core;
		}
		if (NUMBER_INTRODUCERS.contains(previousWord) && PLAIN_NUMBER.matcher(core).matches() && hasDigits(core, 1)) {
			return core;
		}
		return null;
	}

	private static boolean hasDigits(String text, int atLeast) {
		return text.chars().filter(Character::isDigit).count() >= atLeast;
	}

}
