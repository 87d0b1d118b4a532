package io.aftercare.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.aftercare.customer.CustomerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TicketDurationsTests {

	static Stream<Arguments> durations() {
		return Stream.of(arguments(Duration.ZERO, "under a minute"),
				arguments(Duration.ofSeconds(59), "under a minute"), arguments(Duration.ofMinutes(1), "a minute"),
				arguments(Duration.ofSeconds(90), "over a minute"), arguments(Duration.ofMinutes(2), "2 minutes"),
				arguments(Duration.ofMinutes(45), "45 minutes"), arguments(Duration.ofMinutes(59), "59 minutes"),
				arguments(Duration.ofMinutes(59).plusSeconds(59), "over 59 minutes"),
				arguments(Duration.ofHours(1), "an hour"), arguments(Duration.ofMinutes(61), "over an hour"),
				arguments(Duration.ofMinutes(90), "over an hour"), arguments(Duration.ofHours(2), "2 hours"),
				arguments(Duration.ofHours(23), "23 hours"),
				arguments(Duration.ofHours(23).plusMinutes(59), "over 23 hours"),
				arguments(Duration.ofHours(24), "24 hours"), arguments(Duration.ofHours(36), "36 hours"),
				arguments(Duration.ofHours(47), "47 hours"),
				arguments(Duration.ofHours(47).plusMinutes(59), "over 47 hours"),
				arguments(Duration.ofDays(2), "2 days"), arguments(Duration.ofDays(2).plusHours(1), "over 2 days"),
				arguments(Duration.ofDays(4), "4 days"), arguments(Duration.ofHours(4 * 24 + 12), "over 4 days"),
				arguments(Duration.ofDays(5).minusMinutes(1), "over 4 days"), arguments(Duration.ofDays(5), "5 days"),
				arguments(Duration.ofDays(14), "14 days"), arguments(Duration.ofDays(30), "30 days"),
				arguments(Duration.ofDays(40), "40 days"), arguments(Duration.ofDays(90), "90 days"),
				arguments(Duration.ofDays(400).plusSeconds(1), "over 400 days"),
				arguments(Duration.ofMinutes(-5), "under a minute"));
	}

	@ParameterizedTest(name = "{0} reads \"{1}\"")
	@MethodSource("durations")
	void wordsADurationTheSameWayEverywhere(Duration duration, String words) {
		assertThat(TicketDurations.describe(duration)).isEqualTo(words);
	}

	@Test
	void neverSaysLessTimeThanItTookWithoutSayingOver() {
		for (long minutes = 0; minutes <= 10 * 24 * 60; minutes += 7) {
			Duration duration = Duration.ofMinutes(minutes).plusSeconds(minutes % 60);
			String words = TicketDurations.describe(duration);
			assertThat(words).doesNotStartWith("0 ").doesNotContain(" 0 ").doesNotStartWith("1 ");
			if (!words.startsWith("over ") && !words.equals("under a minute")) {
				assertThat(parse(words)).as(words).isEqualTo(duration);
			}
			else if (words.startsWith("over ")) {
				assertThat(parse(words.substring("over ".length()))).as(words).isLessThan(duration);
			}
		}
	}

	@Test
	void spansATicketFromItsOpeningToItsResolution() {
		Ticket ticket = ticket(Instant.parse("2026-01-23T09:00:00Z"), Instant.parse("2026-01-27T21:00:00Z"));
		assertThat(TicketDurations.span(ticket, Instant.parse("2026-02-01T00:00:00Z")))
			.isEqualTo("over 4 days (opened Jan 23, resolved Jan 27)");
	}

	@Test
	void spansAnOpenTicketUntilNow() {
		Ticket ticket = ticket(Instant.parse("2026-01-23T09:00:00Z"), null);
		assertThat(TicketDurations.span(ticket, Instant.parse("2026-01-23T14:30:00Z")))
			.isEqualTo("over 5 hours (opened Jan 23, still open)");
	}

	@Test
	void refusesToWordNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> TicketDurations.describe(null));
	}

	private static Duration parse(String words) {
		String[] parts = words.split(" ");
		long count = switch (parts[0]) {
			case "a", "an" -> 1;
			default -> Long.parseLong(parts[0]);
		};
		return switch (parts[1].replaceFirst("s$", "")) {
			case "minute" -> Duration.ofMinutes(count);
			case "hour" -> Duration.ofHours(count);
			case "day" -> Duration.ofDays(count);
			default -> throw new IllegalArgumentException(words);
		};
	}

	private static Ticket ticket(Instant opened, Instant resolved) {
		return new Ticket(new TicketId(1), new CustomerId(1), "demo", "TF-1", "Sync fails", null, "API",
				TicketPriority.HIGH, (resolved != null) ? TicketStatus.SOLVED : TicketStatus.OPEN, opened, resolved,
				null, 0, null, false, null, null, null, List.of());
	}

}
