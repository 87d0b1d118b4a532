package io.aftercare.chat.intent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.aftercare.chat.intent.Intent.NewReminder;

/**
 * Reads what follows "remind me" ("in 3 days to call David", "to call David on Tuesday")
 * into when and what.
 * <p>
 * Times relative to today are read ("tomorrow", "in 2 weeks", "next month"), and
 * weekdays, counted from the CSM's own today: "Tuesday" (or "on", "this", "by Tuesday")
 * is the next Tuesday after today, a week on when today is one; "next Tuesday" is the
 * Tuesday of next week, weeks starting on Monday, which is what most people mean by it
 * early in a week and what all mean later in it. Anything else stays in the note. A month
 * counts as 30 days.
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

	// Not "Tuesday's outage": a day the note speaks of, not the reminder's.
	private static final Pattern WEEKDAY = Pattern
		.compile("\\b(?:(?<next>next)\\s+|(?:on|this|by|this coming|coming)\\s+)?"
				+ "(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu|thur|thurs|fri)\\b(?!['’])",
				FLAGS);

	private static final Pattern LEADING_FILLER = Pattern
		.compile("^(?:(?:to|that|about|of|for|re|regarding)\\b|[:,;\\-–])\\s*", FLAGS);

	private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s.,;:!?\\-–]+|[\\s.,;:!?\\-–]+$");

	private ReminderReading() {
	}

	/**
	 * The reminder asked for by the words after "remind me".
	 * @param rest the words after the verb, {@code null} when there are none
	 * @param today the CSM's date, for weekdays
	 */
	static NewReminder of(String rest, LocalDate today) {
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
		Matcher weekday = WEEKDAY.matcher(note);
		if (inDays == NewReminder.ASK_WHEN && weekday.find()) {
			inDays = daysUntil(weekday, today);
			note = note.substring(0, weekday.start()) + " " + note.substring(weekday.end());
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

	private static int daysUntil(Matcher match, LocalDate today) {
		DayOfWeek day = Stream.of(DayOfWeek.values())
			.filter((d) -> d.name().toLowerCase(Locale.ROOT).startsWith(match.group("day").toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow();
		LocalDate on = (match.group("next") != null)
				? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(day))
				: today.with(TemporalAdjusters.next(day));
		return (int) ChronoUnit.DAYS.between(today, on);
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
