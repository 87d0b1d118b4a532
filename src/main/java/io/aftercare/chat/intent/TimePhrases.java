package io.aftercare.chat.intent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the time a CSM names ("from last month", "this week", "since Monday", "in the
 * last 2 weeks", "last week's ticket") and turns it into a {@link TimeWindow}, in days of
 * the CSM's time zone, the one every date of the chat is shown in.
 * <p>
 * "Last week" and "last month" are the calendar's (weeks start on Monday); "the last
 * month", "the past 2 weeks" and "the last 30 days" count back from today. "Lately" and
 * "recently" name no window: the chat's recent window applies.
 */
final class TimePhrases {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final String COUNT = "(?<n>\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|a few|couple of|a couple of)";

	private static final Map<String, Integer> COUNTS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
			Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
			Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
			Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("few", 3),
			Map.entry("a few", 3), Map.entry("couple of", 2), Map.entry("a couple of", 2));

	// Words before the time that tie it to a ticket ("the ticket from last month", "the
	// one they closed yesterday"), or that only introduce it ("since", "in").
	private static final String BEFORE = "(?:(?<tie>from|of|closed|resolved|fixed|solved|sorted|raised|opened)\\s+|(?:since|in|during|within|over|for)\\s+)?";

	private static final Pattern PHRASE = Pattern.compile("(?<![\\p{L}\\p{N}])" + BEFORE + "(?<time>"
			+ "(?<rolling>(?:the\\s+)?(?:last|past)\\s+" + COUNT + "\\s+(?<unit>days?|weeks?|months?))"
			+ "|(?<rollingOne>the\\s+(?:last|past)\\s+(?<unitOne>day|week|month)|past\\s+(?<unitPast>day|week|month))"
			+ "|(?<calendar>(?<which>this|last|previous)\\s+(?<period>week|month|year))" + "|(?<day>yesterday|today)"
			+ "|since\\s+(?<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
			+ "|since\\s+(?<date>\\d{4}-\\d{2}-\\d{2})" + "|(?<vague>lately|recently))"
			+ "(?<possessive>['’]s)?(?![\\p{L}\\p{N}])", FLAGS);

	private TimePhrases() {
	}

	/**
	 * A time found in the text.
	 *
	 * @param window the window it names; {@code null} for "lately" and "recently"
	 * @param aboutTicket whether it says when a ticket happened ("last week's ticket",
	 * "the one from last month") rather than when to act
	 * @param start where it starts in the text
	 * @param end where it ends
	 */
	record Found(TimeWindow window, boolean aboutTicket, int start, int end) {
	}

	/**
	 * The first time named in the text, if any, in days of the zone {@code now} is in.
	 */
	static Optional<Found> find(String text, ZonedDateTime now) {
		Matcher matcher = PHRASE.matcher(text);
		while (matcher.find()) {
			Optional<TimeWindow> window = window(matcher, now.toLocalDate(), now.getZone());
			if (window != null) {
				boolean aboutTicket = matcher.group("tie") != null || matcher.group("possessive") != null;
				// "opened this week": the word tying the time to a ticket stays in the
				// sentence.
				int start = (matcher.group("tie") != null) ? matcher.start("time") : matcher.start();
				return Optional.of(new Found(window.orElse(null), aboutTicket, start, matcher.end()));
			}
		}
		return Optional.empty();
	}

	/** The window, empty for a vague time, {@code null} when the words name no time. */
	private static Optional<TimeWindow> window(Matcher match, LocalDate today, ZoneId zone) {
		if (match.group("vague") != null) {
			return Optional.empty();
		}
		if (match.group("rolling") != null) {
			int n = count(match.group("n"));
			return open(today.minusDays((long) n * days(match.group("unit"))), zone);
		}
		if (match.group("rollingOne") != null) {
			String unit = (match.group("unitOne") != null) ? match.group("unitOne") : match.group("unitPast");
			return open(today.minusDays(days(unit)), zone);
		}
		if (match.group("calendar") != null) {
			boolean last = !match.group("which").equalsIgnoreCase("this");
			LocalDate start = switch (match.group("period").toLowerCase(Locale.ROOT)) {
				case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				case "month" -> today.withDayOfMonth(1);
				default -> today.withDayOfYear(1);
			};
			if (!last) {
				return open(start, zone);
			}
			LocalDate previous = switch (match.group("period").toLowerCase(Locale.ROOT)) {
				case "week" -> start.minusWeeks(1);
				case "month" -> start.minusMonths(1);
				default -> start.minusYears(1);
			};
			return between(previous, start, zone);
		}
		if (match.group("day") != null) {
			return match.group("day").equalsIgnoreCase("today") ? open(today, zone)
					: between(today.minusDays(1), today, zone);
		}
		if (match.group("weekday") != null) {
			DayOfWeek day = DayOfWeek.valueOf(match.group("weekday").toUpperCase(Locale.ROOT));
			return open(today.with(TemporalAdjusters.previousOrSame(day)), zone);
		}
		try {
			LocalDate date = LocalDate.parse(match.group("date"));
			return date.isAfter(today) || date.getYear() < 1900 ? null : open(date, zone);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static int count(String count) {
		String n = count.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		return Character.isDigit(n.charAt(0)) ? Math.max(1, Integer.parseInt(n)) : COUNTS.get(n);
	}

	private static int days(String unit) {
		String u = unit.toLowerCase(Locale.ROOT);
		return u.startsWith("week") ? 7 : u.startsWith("month") ? 30 : 1;
	}

	private static Optional<TimeWindow> open(LocalDate from, ZoneId zone) {
		return Optional.of(new TimeWindow(from.atStartOfDay(zone).toInstant(), null));
	}

	private static Optional<TimeWindow> between(LocalDate from, LocalDate to, ZoneId zone) {
		return Optional.of(new TimeWindow(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant()));
	}

}
