package io.aftercare.customer;

import java.time.Instant;

/**
 * One recorded health score (0 to 100) of a customer; {@code note} says why, when the
 * entry comes from something Aftercare saw (a reply's reading), else {@code null}.
 */
public record HealthEntry(int score, Instant recordedAt, String source, String note) {

	/** A score as a health system reports it, without a note. */
	public HealthEntry(int score, Instant recordedAt, String source) {
		this(score, recordedAt, source, null);
	}

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
