package io.aftercare.customer;

import io.aftercare.shared.SourceKey;

/**
 * A health score entry for the customer with the given source key. The same customer,
 * time and source twice is one entry.
 */
public record HealthRecord(SourceKey customer, HealthEntry entry) {

	public HealthRecord {
		if (customer == null || entry == null) {
			throw new IllegalArgumentException("customer and health entry are required");
		}
	}

}
