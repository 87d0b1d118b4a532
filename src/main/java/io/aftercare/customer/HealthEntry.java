package io.aftercare.customer;

import java.time.Instant;

/**
 * One recorded health score (0 to 100) of a customer.
 */
public record HealthEntry(int score, Instant recordedAt, String source) {

	public HealthEntry {
		if (score < 0 || score > 100) {
			throw new IllegalArgumentException("health score must be between 0 and 100");
		}
		if (recordedAt == null) {
			throw new IllegalArgumentException("recordedAt is required");
		}
		if (source == null || source.isBlank()) {
			throw new IllegalArgumentException("health score source is required");
		}
	}

}
