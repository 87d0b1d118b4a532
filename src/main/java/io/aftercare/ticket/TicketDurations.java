package io.aftercare.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Says how long a ticket was open the way a person would: "45 minutes", "3 hours", "4
 * days".
 */
public final class TicketDurations {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private TicketDurations() {
	}

	/** The PRD's "4 days (opened Jan 23, resolved Jan 27)". */
	public static String span(Ticket ticket, Instant now) {
		return describe(ticket.duration(now)) + " (opened " + DAY.format(ticket.openedAt())
				+ (ticket.isResolved() ? ", resolved " + DAY.format(ticket.resolvedAt()) : ", still open") + ")";
	}

	public static String describe(Duration duration) {
		long minutes = Math.max(0, duration.toMinutes());
		if (minutes < 60) {
			return plural(Math.max(1, minutes), "minute");
		}
		long hours = duration.toHours();
		if (hours < 48) {
			return plural(hours, "hour");
		}
		return plural(Math.round(hours / 24.0), "day");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
