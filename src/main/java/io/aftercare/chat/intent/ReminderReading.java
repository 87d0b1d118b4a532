package io.aftercare.chat.intent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.chat.intent.Intent.NewReminder;

/**
 * Reads what follows "remind me" ("in 3 days to call David", "to call David tomorrow")
 * into when and what.
 * <p>
 * Only times relative to today are read ("tomorrow", "in 2 weeks", "next month"): a
 * weekday or a date needs a clock and a time zone, which the caller has and this does
 * not. Anything else stays in the note. A month counts as 30 days.
 */
final class ReminderReading {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final String COUNT = "(?<n>\\d{1,3}|a couple of|couple of|a couple|a few|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";

	private static final String UNIT = "(?<unit>days?|d|weeks?|wks?|w|months?|mos?)";

	private static final Map<String, Integer> COUNTS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
			Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
			Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
			Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("a couple of", 2),
			Map.entry("couple of", 2), Map.entry("a couple", 2), Map.entry("a few", 3), Map.entry("few", 3));

	private record When(Pattern pattern, ToIntFunction<Matcher> days) {

		When(String regex, int days) {
			this(Pattern.compile(regex, FLAGS), (match) -> days);
		}

	}

	// In order: "the day after tomorrow" before "tomorrow".
	private static final List<When> WHENS = List.of(new When("\\b(?:the )?day after tomorrow\\b", 2),
			new When(Pattern.compile("\\b(?:in|after|within) " + COUNT + " ?" + UNIT + "\\b", FLAGS),
					ReminderReading::days),
			new When(Pattern.compile("\\b" + COUNT + " ?" + UNIT + " (?:from now|from today|later)\\b", FLAGS),
					ReminderReading::days),
			new When("\\b(?:tomorrow|tmrw|tmr)\\b", 1), new When("\\bnext week\\b", 7),
			new When("\\bnext month\\b", 30));

	private static final Pattern LEADING_FILLER = Pattern
		.compile("^(?:(?:to|that|about|of|for|re|regarding)\\b|[:,;\\-–])\\s*", FLAGS);

	private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s.,;:!?\\-–]+|[\\s.,;:!?\\-–]+$");

	private ReminderReading() {
	}

	/**
	 * The reminder asked for by the words after "remind me".
	 * @param rest the words after the verb, {@code null} when there are none
	 */
	static NewReminder of(String rest) {
		String note = (rest != null) ? rest : "";
		int inDays = NewReminder.ASK_WHEN;
		for (When when : WHENS) {
			Matcher matcher = when.pattern().matcher(note);
			if (matcher.find()) {
				inDays = when.days().applyAsInt(matcher);
				note = note.substring(0, matcher.start()) + " " + note.substring(matcher.end());
				break;
			}
		}
		note = note.replaceAll("\\s+", " ");
		String before;
		do {
			before = note;
			note = EDGE_PUNCTUATION.matcher(note).replaceAll("");
			note = LEADING_FILLER.matcher(note).replaceFirst("");
		}
		while (!note.equals(before));
		return new NewReminder(inDays,
				note.isEmpty() ? null : Character.toUpperCase(note.charAt(0)) + note.substring(1));
	}

	private static int days(Matcher match) {
		String count = match.group("n").toLowerCase(Locale.ROOT);
		int n = Character.isDigit(count.charAt(0)) ? Integer.parseInt(count) : COUNTS.get(count);
		String unit = match.group("unit").toLowerCase(Locale.ROOT);
		if (unit.startsWith("w")) {
			return n * 7;
		}
		if (unit.startsWith("m")) {
			return n * 30;
		}
		return n;
	}

}
