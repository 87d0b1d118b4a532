package io.aftercare.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.aftercare.shared.SourceKey;

/**
 * A customer as another system describes it, to be created or updated under its source
 * key.
 */
public record CustomerRecord(SourceKey key, String name, CustomerTier tier, BigDecimal arr, Integer employees,
		LocalDate renewalDate, String ownerUsername, boolean atRisk) {

	/** What the database holds: twelve digits and cents. */
	private static final BigDecimal MAX_ARR = new BigDecimal("999999999999.99");

	public CustomerRecord {
		if (key == null) {
			throw new IllegalArgumentException("source and externalId are required");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name is required");
		}
		if (name.length() > 200) {
			throw new IllegalArgumentException("name is longer than 200 characters");
		}
		if (tier == null) {
			throw new IllegalArgumentException("tier is required");
		}
		if (arr != null && arr.signum() < 0) {
			throw new IllegalArgumentException("arr must not be negative");
		}
		if (arr != null && arr.compareTo(MAX_ARR) > 0) {
			throw new IllegalArgumentException("arr is larger than 999,999,999,999.99");
		}
		if (employees != null && employees < 0) {
			throw new IllegalArgumentException("employees must not be negative");
		}
		name = name.trim();
	}

}
