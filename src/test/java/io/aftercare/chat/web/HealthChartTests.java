package io.aftercare.chat.web;

import java.time.Instant;
import java.util.List;

import io.aftercare.customer.HealthEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health chart marks the entries a reply's reading added, with the reading's reason
 * to show on hover; scores from a health system get no marker.
 */
class HealthChartTests {

	@Test
	void anEntryWithANoteIsMarkedWithItsReason() {
		Instant start = Instant.parse("2026-11-01T00:00:00Z");
		List<HealthEntry> trend = List.of(new HealthEntry(78, start, "gainsight"),
				new HealthEntry(72, start.plusSeconds(86_400), "gainsight"),
				new HealthEntry(62, start.plusSeconds(2 * 86_400), "reply",
						"The customer's answer to a follow-up reads still broken: says the sync still fails"));

		FollowUpCard.HealthChart chart = FollowUpCard.HealthChart.of(trend, start, start.plusSeconds(86_400));

		assertThat(chart.markers()).singleElement().satisfies((marker) -> {
			assertThat(marker.title())
				.isEqualTo("62: The customer's answer to a follow-up reads still broken: says the sync still fails");
			assertThat(marker.x()).isEqualTo(260.0);
		});
		assertThat(chart.last()).isEqualTo("62");
	}

}
