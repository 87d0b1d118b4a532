package io.aftercare.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.aftercare.shared.InvalidInputException;
import io.aftercare.shared.NotFoundException;
import io.aftercare.shared.RefusedException;
import io.aftercare.shared.SqlTime;
import io.aftercare.shared.jdbc.ReadOnly;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API tokens for scripts and connectors: create (shown once), list, revoke, and check one
 * presented on a request.
 * <p>
 * A token is {@code aft_}, a public key id of 96 random bits and a secret of 256 random
 * bits, both base64url. Only the SHA-256 of the secret is stored: a fast hash is enough
 * for a secret that random (there is nothing to guess), and it keeps the check to one
 * indexed read by key id and one hash, well under a millisecond, where a password hash
 * would cost 80 ms. The hashes are compared with {@link MessageDigest#isEqual}, in
 * constant time, so the comparison leaks nothing about how much of a guess was right.
 */
@Service
@Transactional
@EnableConfigurationProperties(AccountSettings.class)
public class ApiTokens {

	static final String PREFIX = "aft_";

	private static final int KEY_ID_BYTES = 12;

	private static final int SECRET_BYTES = 32;

	private static final int KEY_ID_LENGTH = 16;

	private static final int SECRET_LENGTH = 43;

	private static final String COLUMNS = """
			id, username, name, scope, key_id, created_by, created_at, expires_at, revoked_at
			""";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final CsmDirectory directory;

	private final AccountSettings settings;

	private final Clock clock;

	private final RememberedTokens remembered;

	ApiTokens(JdbcClient jdbc, CsmDirectory directory, AccountSettings settings, RememberedTokens remembered,
			Clock clock) {
		this.jdbc = jdbc;
		this.remembered = remembered;
		this.directory = directory;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Creates a token for {@code username}, issued by {@code issuer}: a user for
	 * themselves, or an admin for anyone (a service account, for example). Only an admin
	 * issues {@code ingest} and {@code admin} tokens, and an {@code admin} token only to
	 * an admin.
	 */
	public IssuedApiToken create(Csm issuer, String username, NewApiToken request) {
		if (!issuer.admin() && !issuer.username().equals(username)) {
			throw new NotFoundException("No user '" + username + "'.");
		}
		Csm owner = this.directory.find(username)
			.orElseThrow(() -> new NotFoundException("No user '" + username + "'."));
		if (request.scope().adminOnly() && !issuer.admin()) {
			throw new RefusedException("scope-not-allowed",
					"Only an admin can create a token with the '" + request.scope().value() + "' scope.");
		}
		if (request.scope() == ApiTokenScope.ADMIN && !owner.admin()) {
			throw new RefusedException("scope-not-allowed",
					"An 'admin' token can only belong to an admin; '" + username + "' is not one.");
		}
		Duration lifetime = (request.expiresInDays() != null) ? Duration.ofDays(request.expiresInDays())
				: this.settings.tokens().defaultLifetime();
		if (lifetime.compareTo(this.settings.tokens().maxLifetime()) > 0) {
			throw new InvalidInputException(
					"A token may live at most " + this.settings.tokens().maxLifetime().toDays() + " days.");
		}
		String keyId = randomText(KEY_ID_BYTES);
		String secret = randomText(SECRET_BYTES);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into api_tokens (username, name, scope, key_id, secret_hash, created_by, created_at, expires_at)
				values (:username, :name, :scope, :keyId, :hash, :createdBy, :now, :expiresAt)
				""")
			.param("username", username)
			.param("name", request.name())
			.param("scope", request.scope().name())
			.param("keyId", keyId)
			.param("hash", HexFormat.of().formatHex(sha256(secret)))
			.param("createdBy", issuer.username())
			.param("now", SqlTime.utc(now))
			.param("expiresAt", SqlTime.utc(now.plus(lifetime)))
			.update();
		ApiToken details = this.jdbc.sql("select " + COLUMNS + " from api_tokens where key_id = :keyId")
			.param("keyId", keyId)
			.query(this::token)
			.single();
		return new IssuedApiToken(PREFIX + keyId + secret, details);
	}

	/** The tokens of a user, newest first: their own, or anyone's for an admin. */
	@ReadOnly
	public List<ApiToken> list(Csm viewer, String username) {
		if (!viewer.admin() && !viewer.username().equals(username)) {
			throw new NotFoundException("No user '" + username + "'.");
		}
		return this.jdbc.sql("select " + COLUMNS + " from api_tokens where username = :username order by id desc")
			.param("username", username)
			.query(this::token)
			.list();
	}

	/**
	 * Revokes a token: from the next request on it is refused on this instance, and on
	 * the others as soon as the database's notice of the change reaches them
	 * (milliseconds; see {@link RememberedTokens}). Revoking a revoked token changes
	 * nothing.
	 */
	public ApiToken revoke(Csm viewer, long id) {
		ApiToken token = find(viewer, id).orElseThrow(() -> new NotFoundException("No token " + id + "."));
		if (token.revokedAt() == null) {
			// Here at once, not when this instance's own notice comes in.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ApiTokens.this.remembered.changed();
				}
			});
			this.jdbc.sql("""
					update api_tokens set revoked_at = :now, revoked_by = :by where id = :id and revoked_at is null
					""")
				.param("now", SqlTime.utc(this.clock.instant()))
				.param("by", viewer.username())
				.param("id", id)
				.update();
		}
		return find(viewer, id).orElseThrow();
	}

	@ReadOnly
	public Optional<ApiToken> find(Csm viewer, long id) {
		return this.jdbc.sql("select " + COLUMNS + """
				from api_tokens where id = :id and (cast(:owner as varchar) is null or username = :owner)
				""").param("id", id).param("owner", viewer.ownerFilter()).query(this::token).optional();
	}

	/**
	 * Checks a token presented on a request: one hash, and one indexed read unless this
	 * instance checked the token a moment ago and has heard of no change since
	 * ({@link RememberedTokens}).
	 * @throws ApiTokenRejectedException when it is malformed, unknown, revoked or
	 * expired, or its user is disabled
	 */
	@ReadOnly
	ApiTokenAuthentication authenticate(String presented) {
		if (presented == null || presented.length() != PREFIX.length() + KEY_ID_LENGTH + SECRET_LENGTH
				|| !presented.startsWith(PREFIX)) {
			throw ApiTokenRejectedException.unknown();
		}
		String keyId = presented.substring(PREFIX.length(), PREFIX.length() + KEY_ID_LENGTH);
		String secret = presented.substring(PREFIX.length() + KEY_ID_LENGTH);
		Instant now = this.clock.instant();
		CheckedToken stored = this.remembered.find(keyId, now);
		if (stored == null) {
			long stamp = this.remembered.stamp();
			stored = read(keyId).orElseThrow(ApiTokenRejectedException::unknown);
			this.remembered.remember(keyId, stored, stamp, now);
		}
		if (!MessageDigest.isEqual(sha256(secret), stored.secretHash()) || !stored.enabled()) {
			throw ApiTokenRejectedException.unknown();
		}
		if (stored.revokedAt() != null) {
			throw new ApiTokenRejectedException("This API token was revoked. Create a new one.");
		}
		if (!stored.expiresAt().isAfter(now)) {
			throw new ApiTokenRejectedException("This API token expired. Create a new one.");
		}
		return new ApiTokenAuthentication(stored.user(), stored.id(), stored.scope(),
				Permission.authorities(stored.role(), stored.scope().permissions(stored.role())));
	}

	private Optional<CheckedToken> read(String keyId) {
		return this.jdbc.sql("""
				select t.id, t.scope, t.secret_hash, t.expires_at, t.revoked_at, u.username, u.display_name, u.email,
				       u.phone, u.role, u.enabled
				from api_tokens t join csm_users u on u.username = t.username
				where t.key_id = :keyId
				""")
			.param("keyId", keyId)
			.query((rs, i) -> new CheckedToken(rs.getLong("id"), ApiTokenScope.valueOf(rs.getString("scope")),
					HexFormat.of().parseHex(rs.getString("secret_hash")), SqlTime.instant(rs, "expires_at"),
					SqlTime.instant(rs, "revoked_at"), CsmDirectory.csm(rs), CsmRole.valueOf(rs.getString("role")),
					rs.getBoolean("enabled")))
			.optional();
	}

	private ApiToken token(ResultSet rs, int row) throws SQLException {
		Instant expiresAt = SqlTime.instant(rs, "expires_at");
		Instant revokedAt = SqlTime.instant(rs, "revoked_at");
		return new ApiToken(rs.getLong("id"), rs.getString("username"), rs.getString("name"),
				ApiTokenScope.valueOf(rs.getString("scope")), PREFIX + rs.getString("key_id"),
				rs.getString("created_by"), SqlTime.instant(rs, "created_at"), expiresAt, revokedAt,
				revokedAt == null && expiresAt.isAfter(this.clock.instant()));
	}

	private String randomText(int bytes) {
		byte[] value = new byte[bytes];
		this.random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
