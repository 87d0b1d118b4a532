package io.aftercare.chat.intent;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a ticket number in what a CSM typed: "#4211", "TF-2024-0847" (letters, a dash and
 * at least three digits in all, so that "X-1 Labs" stays a name), or a number after
 * "ticket", "case" or "no." ("ticket 4211", "ticket no. 4211").
 */
final class TicketNumbers {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}#-])(?:"
			+ "#(?<hash>[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]|[0-9])" + "|(?<prefixed>[A-Za-z]{1,10}(?:-[A-Za-z0-9]+)+)"
			+ "|(?<introducer>(?:(?:ticket|case)(?:\\s+(?:number|no|num|nr))?|number|no|num|nr)\\.?\\s*(?:#\\s*)?)"
			+ "(?<plain>[A-Za-z0-9][A-Za-z0-9-]*))" + "(?![\\p{L}\\p{N}-])", FLAGS);

	private static final int MIN_PREFIXED_DIGITS = 3;

	private TicketNumbers() {
	}

	/**
	 * A ticket number found in the text.
	 *
	 * @param number the number without a leading {@code #}
	 * @param start where it starts in the text (its introducing word included)
	 * @param end where it ends
	 */
	record Found(String number, int start, int end) {
	}

	/** The first ticket number in the text, if any. */
	static Optional<Found> find(String text) {
		Matcher matcher = NUMBER.matcher(text);
		while (matcher.find()) {
			String number = number(matcher);
			if (number != null) {
				int start = (matcher.group("introducer") != null) ? matcher.start("plain") : matcher.start();
				return Optional.of(new Found(number, start, matcher.end()));
			}
		}
		return Optional.empty();
	}

	private static String number(Matcher match) {
		if (match.group("hash") != null) {
			return digits(match.group("hash")) >= 1 ? match.group("hash") : null;
		}
		if (match.group("prefixed") != null) {
			return digits(match.group("prefixed")) >= MIN_PREFIXED_DIGITS ? match.group("prefixed") : null;
		}
		return digits(match.group("plain")) >= 1 ? match.group("plain") : null;
	}

	private static long digits(String text) {
		return text.chars().filter(Character::isDigit).count();
	}

}
