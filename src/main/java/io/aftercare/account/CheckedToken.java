package io.aftercare.account;

import java.time.Instant;

/**
 * A token as its check reads it: the stored hash of its secret, its expiry and
 * revocation, and its user.
 */
record CheckedToken(long id, ApiTokenScope scope, byte[] secretHash, Instant expiresAt, Instant revokedAt, Csm user,
		CsmRole role, boolean enabled) {
}
