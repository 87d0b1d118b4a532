package io.aftercare.ticket;

import java.time.Duration;

/**
 * Says how long a ticket was open the way a person would: "45 minutes", "3 hours", "4
 * days".
 */
public final class TicketDurations {

	private TicketDurations() {
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
