package io.aftercare.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.util.Assert;

/**
 * The one way Aftercare words how long a ticket took, and any other stretch of time
 * measured against it (what a ticket should take, the window in which tickets are
 * counted): the same words on the chat card, in the API, in the reasons for a follow-up
 * level and in the email to the customer.
 * <p>
 * It counts whole units, minutes below an hour, hours below two days and days from then
 * on, and says "over" when some time is left beyond them. So the words never claim more
 * time than it took, and never less without saying so: "45 minutes", "an hour", "over an
 * hour", "36 hours", "2 days", "over 4 days". They read in any sentence: "open over 4
 * days", "resolved in 36 hours", "waiting over 4 days for a resolution".
 */
public final class TicketDurations {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	// Below this, hours say more than "1 day" or "over a day" would.
	private static final Duration DAYS_FROM = Duration.ofDays(2);

	private TicketDurations() {
	}

	/**
	 * How long the ticket was open, with its dates: the PRD's "4 days (opened Jan 23,
	 * resolved Jan 27)".
	 * @param ticket the ticket
	 * @param now the time an open ticket is measured to
	 * @return the duration in words, then when it opened and resolved
	 */
	public static String span(Ticket ticket, Instant now) {
		return span(ticket, now.atZone(ZoneOffset.UTC));
	}

	/**
	 * As {@link #span(Ticket, Instant)}, with the dates of the zone {@code now} is in: a
	 * ticket opened on a Monday evening in Denver opened on Monday there.
	 * @param ticket the ticket
	 * @param now the time an open ticket is measured to, in the reader's zone
	 * @return the duration in words, then when it opened and resolved
	 */
	public static String span(Ticket ticket, ZonedDateTime now) {
		DateTimeFormatter day = DAY.withZone(now.getZone());
		return describe(ticket.duration(now.toInstant())) + " (opened " + day.format(ticket.openedAt())
				+ (ticket.isResolved() ? ", resolved " + day.format(ticket.resolvedAt()) : ", still open") + ")";
	}

	/**
	 * The duration in words: "under a minute", "a minute", "45 minutes", "an hour", "over
	 * an hour", "36 hours", "2 days", "over 4 days".
	 * @param duration how long; a negative one (clocks out of step) counts as none
	 * @return the words, never empty
	 */
	public static String describe(Duration duration) {
		Assert.notNull(duration, "Duration must not be null");
		Duration length = duration.isNegative() ? Duration.ZERO : duration;
		if (length.compareTo(Duration.ofMinutes(1)) < 0) {
			return "under a minute";
		}
		if (length.compareTo(Duration.ofHours(1)) < 0) {
			return counted(length, Duration.ofMinutes(1), "a minute", "minutes");
		}
		if (length.compareTo(DAYS_FROM) < 0) {
			return counted(length, Duration.ofHours(1), "an hour", "hours");
		}
		return counted(length, Duration.ofDays(1), "a day", "days");
	}

	private static String counted(Duration length, Duration unit, String one, String many) {
		long units = length.dividedBy(unit);
		String count = (units == 1) ? one : units + " " + many;
		return unit.multipliedBy(units).equals(length) ? count : "over " + count;
	}

}
