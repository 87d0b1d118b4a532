package io.aftercare.shared;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

	/**
	 * The keys' external ids by source system: what a lookup of many keys asks for, one
	 * query per system.
	 */
	public static Map<String, Set<String>> bySystem(Collection<SourceKey> keys) {
		return keys.stream()
			.collect(Collectors.groupingBy(SourceKey::system,
					Collectors.mapping(SourceKey::externalId, Collectors.toCollection(HashSet::new))));
	}

	@Override
	public String toString() {
		return system + ":" + externalId;
	}

}
