package io.aftercare.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The times Aftercare accepts: from 1900-01-01 to 9999-12-31 (UTC). Nothing it keeps (a
 * ticket, a comment, a health score, a renewal, a reminder) can fall outside; a value
 * that does is a typo, a unit mix-up (milliseconds read as seconds), or a probe. Within
 * the range every time has a four-digit year, which both databases store and every client
 * reads the same way: Java writes later years as {@code +10000-01-01T...}, which RFC 3339
 * readers refuse, and PostgreSQL refuses years past 294276 where H2 stores them.
 */
public final class TimeRange {

	public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

	public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	public static final Instant EARLIEST = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();

	public static final Instant LATEST = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);

	/**
	 * How far ahead of our clock a time reported by another system may be: clocks differ
	 * by minutes, not by days.
	 */
	public static final Duration CLOCK_SKEW = Duration.ofDays(1);

	private static final String RANGE = "between 1900-01-01 and 9999-12-31";

	private TimeRange() {
	}

	/** Why the instant is not accepted, or {@code null} when it is. */
	public static String outside(Instant instant) {
		return (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) ? "must be " + RANGE : null;
	}

	/** Why the date is not accepted, or {@code null} when it is. */
	public static String outside(LocalDate date) {
		return (date != null && (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY))) ? "must be " + RANGE : null;
	}

	/**
	 * Refuses, naming the field, a time that another system reports as past (when a
	 * ticket was opened, a score recorded) but that lies ahead of {@code now} by more
	 * than {@link #CLOCK_SKEW}.
	 */
	public static void notAhead(String field, Instant instant, Instant now) {
		if (instant != null && instant.isAfter(now.plus(CLOCK_SKEW))) {
			throw new IllegalArgumentException(field + " is in the future: " + instant);
		}
	}

	/**
	 * The instant, or an {@link IllegalArgumentException} naming the field when it is
	 * outside the range.
	 */
	public static Instant require(String field, Instant instant) {
		String problem = outside(instant);
		if (problem != null) {
			throw new IllegalArgumentException(field + " " + problem);
		}
		return instant;
	}

}
