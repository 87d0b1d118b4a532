package io.aftercare.followup;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A contact's business hours, Monday to Friday in their own time zone, and the mornings a
 * follow-up can be timed for. No holidays: a morning send on a public holiday goes out
 * that morning.
 */
record BusinessHours(LocalTime opens, LocalTime closes) {

	/** Whether the moment falls within business hours in the zone. */
	boolean isOpen(Instant moment, ZoneId zone) {
		ZonedDateTime local = moment.atZone(zone);
		LocalTime time = local.toLocalTime();
		return isWeekday(local) && !time.isBefore(this.opens) && time.isBefore(this.closes);
	}

	/**
	 * The next business morning at opening time in the zone, after {@code now}: today's
	 * if it is a weekday before opening, else the next weekday's.
	 */
	Instant nextMorning(Instant now, ZoneId zone) {
		ZonedDateTime local = now.atZone(zone);
		ZonedDateTime morning = local.toLocalDate().atTime(this.opens).atZone(zone);
		if (!morning.isAfter(local) || !isWeekday(morning)) {
			morning = morning.plusDays(1);
			while (!isWeekday(morning)) {
				morning = morning.plusDays(1);
			}
			// The same wall-clock time, whatever a change of daylight saving time did.
			morning = morning.toLocalDate().atTime(this.opens).atZone(zone);
		}
		return morning.toInstant();
	}

	private static boolean isWeekday(ZonedDateTime time) {
		return time.getDayOfWeek() != DayOfWeek.SATURDAY && time.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

}
