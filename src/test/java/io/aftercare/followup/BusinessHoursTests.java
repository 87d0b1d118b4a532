package io.aftercare.followup;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessHoursTests {

	private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	private final BusinessHours hours = new BusinessHours(LocalTime.of(9, 0), LocalTime.of(17, 0));

	@Test
	void theNextMorningIsTodaysBeforeNineOnAWeekday() {
		// Tuesday 06:30 in Los Angeles.
		assertThat(this.hours.nextMorning(Instant.parse("2026-12-01T14:30:00Z"), LOS_ANGELES))
			.isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
	}

	@Test
	void theNextMorningIsTomorrowsFromNineOn() {
		// Tuesday 09:00 and 23:10 in Los Angeles.
		assertThat(this.hours.nextMorning(Instant.parse("2026-12-01T17:00:00Z"), LOS_ANGELES))
			.isEqualTo(Instant.parse("2026-12-02T17:00:00Z"));
		assertThat(this.hours.nextMorning(Instant.parse("2026-12-02T07:10:00Z"), LOS_ANGELES))
			.isEqualTo(Instant.parse("2026-12-02T17:00:00Z"));
	}

	@Test
	void theNextMorningAfterFridayEveningOrAWeekendIsMonday() {
		// Friday 18:00, Saturday noon and Sunday 23:00 in Los Angeles.
		for (String now : new String[] { "2026-12-05T02:00:00Z", "2026-12-05T20:00:00Z", "2026-12-07T07:00:00Z" }) {
			assertThat(this.hours.nextMorning(Instant.parse(now), LOS_ANGELES)).as(now)
				.isEqualTo(Instant.parse("2026-12-07T17:00:00Z"));
		}
	}

	@Test
	void theMorningKeepsItsWallClockTimeAcrossAChangeOfDaylightSavingTime() {
		// Saturday March 7, 2026, noon: Monday March 9 is 9:00 PDT, 16:00 UTC.
		assertThat(this.hours.nextMorning(Instant.parse("2026-03-07T20:00:00Z"), LOS_ANGELES))
			.isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
	}

	@Test
	void businessHoursAreNineToFiveOnWeekdaysInTheContactsZone() {
		assertThat(this.hours.isOpen(Instant.parse("2026-12-01T17:00:00Z"), LOS_ANGELES)).isTrue();
		assertThat(this.hours.isOpen(Instant.parse("2026-12-02T00:59:00Z"), LOS_ANGELES)).isTrue();
		assertThat(this.hours.isOpen(Instant.parse("2026-12-02T01:00:00Z"), LOS_ANGELES)).as("17:00").isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2026-12-01T16:59:00Z"), LOS_ANGELES)).as("08:59").isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2026-12-05T20:00:00Z"), LOS_ANGELES)).as("Saturday").isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2026-12-01T12:00:00Z"), ZoneId.of("Europe/Berlin"))).isTrue();
	}

}
