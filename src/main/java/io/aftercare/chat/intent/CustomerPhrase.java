package io.aftercare.chat.intent;

import java.util.regex.Pattern;

/**
 * A customer as typed, with the words around it that are not part of the name taken off:
 * "the Acme Corp team's" is "Acme Corp".
 */
final class CustomerPhrase {

	private static final Pattern QUOTES = Pattern.compile("^[\"']+|[\"']+$");

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:!?\\-–]+$");

	private static final Pattern POSSESSIVE = Pattern.compile("(?:'s|')$", Pattern.CASE_INSENSITIVE);

	private static final Pattern LEADING_THE = Pattern.compile("^the\\s+", Pattern.CASE_INSENSITIVE);

	private static final Pattern TRAILING_WORDS = Pattern.compile(
			"\\s+(?:team|folks|people|guys|lately|recently|this week|this month|please)$", Pattern.CASE_INSENSITIVE);

	private CustomerPhrase() {
	}

	/**
	 * The customer in the given text, {@code null} when nothing is left of it.
	 */
	static String of(String typed) {
		if (typed == null) {
			return null;
		}
		String customer = typed.strip();
		String before;
		do {
			before = customer;
			customer = QUOTES.matcher(customer).replaceAll("");
			customer = TRAILING_PUNCTUATION.matcher(customer).replaceAll("");
			customer = POSSESSIVE.matcher(customer).replaceAll("");
			customer = LEADING_THE.matcher(customer).replaceAll("");
			customer = TRAILING_WORDS.matcher(customer).replaceAll("");
			customer = customer.strip();
		}
		while (!customer.equals(before));
		return (customer.isEmpty() || customer.equalsIgnoreCase("the")) ? null : customer;
	}

}
