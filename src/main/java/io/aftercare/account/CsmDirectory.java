package io.aftercare.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import io.aftercare.shared.RefusedException;
import io.aftercare.shared.SqlTime;
import io.aftercare.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CSM users of this workspace: look one up, create one.
 */
@Service
public class CsmDirectory {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	CsmDirectory(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	public Optional<Csm> find(String username) {
		return this.jdbc.sql("""
				select username, display_name, email, phone, role from csm_users
				where username = :username and enabled
				""").param("username", username).query((rs, i) -> csm(rs)).optional();
	}

	/** A user from a row with its username, display_name, email, phone and role. */
	static Csm csm(ResultSet rs) throws SQLException {
		return new Csm(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
				rs.getString("phone"), CsmRole.valueOf(rs.getString("role")) == CsmRole.ADMIN);
	}

	/** The enabled users with this email address, compared without regard to case. */
	public java.util.List<Csm> findByEmail(String email) {
		return this.jdbc.sql("""
				select username, display_name, email, phone, role from csm_users
				where lower(email) = lower(:email) and enabled order by username
				""").param("email", email).query((rs, i) -> csm(rs)).list();
	}

	/**
	 * A CSM for someone whose company's sign-in provider verified their email address:
	 * named after the address, with a random password nobody knows (they sign in through
	 * the provider).
	 */
	@Transactional
	Csm createFromSignOn(String email, String fullName) {
		String base = email.substring(0, Math.max(0, email.indexOf('@')))
			.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("[^a-z0-9._-]", "");
		if (base.isEmpty()) {
			base = "user";
		}
		base = base.substring(0, Math.min(base.length(), 56));
		String username = base;
		for (int n = 2; exists(username); n++) {
			username = base + "-" + n;
		}
		byte[] secret = new byte[32];
		new java.security.SecureRandom().nextBytes(secret);
		String name = (fullName == null || fullName.isBlank()) ? email : fullName;
		return create(new NewCsm(username, Text.cut(200, name), email, null,
				java.util.Base64.getEncoder().encodeToString(secret), CsmRole.CSM));
	}

	/** Every CSM's email address, for reading their mailboxes. */
	public java.util.List<String> emails() {
		return this.jdbc.sql("select email from csm_users where email is not null order by username")
			.query(String.class)
			.list();
	}

	public boolean exists(String username) {
		return this.jdbc.sql("select count(*) from csm_users where username = :username")
			.param("username", username)
			.query(Integer.class)
			.single() > 0;
	}

	public long count() {
		return this.jdbc.sql("select count(*) from csm_users").query(Long.class).single();
	}

	/**
	 * The zone the user's browser last reported to the chat, for texts written for them
	 * in the background; UTC until they opened the chat, or for a zone no longer known.
	 */
	public ZoneId timeZone(String username) {
		return this.jdbc.sql("select time_zone from csm_users where username = :username")
			.param("username", username)
			.query(String.class)
			.optional()
			.filter(ZoneId.getAvailableZoneIds()::contains)
			.map(ZoneId::of)
			.orElse(ZoneOffset.UTC);
	}

	/**
	 * Keeps the zone the user's browser reports, when it is not the one kept: a write
	 * only when they first open the chat, or open it somewhere else.
	 */
	@Transactional
	public void keepTimeZone(String username, ZoneId zone) {
		this.jdbc.sql("""
				update csm_users set time_zone = :zone
				where username = :username and (time_zone is null or time_zone <> :zone)
				""").param("zone", zone.getId()).param("username", username).update();
	}

	@Transactional
	public Csm create(NewCsm user) {
		if (exists(user.username())) {
			throw new RefusedException("user-exists", "A user named '" + user.username() + "' already exists.");
		}
		this.jdbc.sql("""
				insert into csm_users (username, display_name, email, phone, password_hash, role, enabled, created_at)
				values (:username, :displayName, :email, :phone, :hash, :role, true, :now)
				""")
			.param("username", user.username())
			.param("displayName", user.displayName())
			.param("email", user.email())
			.param("phone", user.phone())
			.param("hash", this.passwords.encode(user.password()))
			.param("role", user.role().name())
			.param("now", SqlTime.utc(this.clock.instant()))
			.update();
		return find(user.username()).orElseThrow();
	}

}
