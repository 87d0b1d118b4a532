package io.aftercare.connector;

import java.time.Instant;

/**
 * A desk's account no customer is known for: {@code key} is {@code org:<id>} for an
 * organization, {@code domain:<domain>} or {@code email:<address>} for a requester
 * without one; {@code heldRecords} tickets wait for it to be mapped.
 */
public record UnmatchedAccount(long id, String source, String key, String name, String domain, Instant firstSeen,
		Instant lastSeen, long heldRecords) {

}
