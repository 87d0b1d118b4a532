package io.aftercare.account;

import java.time.Instant;

/**
 * An API token as listed: never its secret, which is shown once, when it is created.
 *
 * @param prefix the token's first characters, to tell which one a script holds
 * @param active whether it is neither revoked nor expired
 */
public record ApiToken(long id, String username, String name, ApiTokenScope scope, String prefix, String createdBy,
		Instant createdAt, Instant expiresAt, Instant revokedAt, boolean active) {

}
