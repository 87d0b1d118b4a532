package io.aftercare.shared;

import java.util.Locale;

/**
 * Identity of a record in the system it came from (Zendesk, Intercom, a file import, the
 * demo workspace). Sending the same key twice updates one row instead of creating
 * another.
 */
public record SourceKey(String system, String externalId) {

	public SourceKey {
		if (system == null || system.isBlank()) {
			throw new IllegalArgumentException("source system is required");
		}
		if (externalId == null || externalId.isBlank()) {
			throw new IllegalArgumentException("external id is required");
		}
		system = system.trim().toLowerCase(Locale.ROOT);
		externalId = externalId.trim();
		if (system.length() > 32) {
			throw new IllegalArgumentException("source system is longer than 32 characters");
		}
		if (externalId.length() > 128) {
			throw new IllegalArgumentException("external id is longer than 128 characters");
		}
	}

	@Override
	public String toString() {
		return system + ":" + externalId;
	}

}
