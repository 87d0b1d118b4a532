package io.aftercare.account;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an API token may do. {@code read}: every {@code GET} a CSM may make;
 * {@code write}: also change things (draft, approve, send, complete reminders);
 * {@code ingest}: only feed data in through {@code /api/ingest}, nothing else;
 * {@code admin}: everything its admin user may do, managing users and tokens included.
 */
public enum ApiTokenScope {

	@JsonProperty("read")
	READ,

	@JsonProperty("write")
	WRITE,

	@JsonProperty("ingest")
	INGEST,

	@JsonProperty("admin")
	ADMIN;

	/** The permissions this scope grants a user of the given role. */
	Set<Permission> permissions(CsmRole role) {
		return switch (this) {
			case READ -> EnumSet.of(Permission.READ);
			case WRITE -> EnumSet.of(Permission.READ, Permission.WRITE);
			// Only an admin can issue it, so it stands on its own, also for a service
			// account.
			case INGEST -> EnumSet.of(Permission.INGEST);
			case ADMIN -> (role == CsmRole.ADMIN) ? EnumSet.allOf(Permission.class)
					: EnumSet.of(Permission.READ, Permission.WRITE);
		};
	}

	/** Whether only an admin may issue a token of this scope. */
	boolean adminOnly() {
		return this == INGEST || this == ADMIN;
	}

	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
