package io.aftercare.mail;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import io.aftercare.shared.SqlTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Random secrets this installation makes on first use and keeps in the database, so that
 * every instance on that database and every restart uses the same one. Nothing to
 * configure: a secret that must survive a lost environment belongs with the data it
 * protects.
 */
@Repository
class InstallationSecrets {

	private static final int SECRET_BYTES = 32;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	InstallationSecrets(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		// Made in a transaction of its own: a caller's transaction that rolls back must
		// not take a secret with it that was already used, and a collision with another
		// instance must not abort the caller's transaction.
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** The secret of that name, as hex, made now if there is none yet. */
	String get(String name) {
		return find(name).orElseGet(() -> create(name));
	}

	private Optional<String> find(String name) {
		return this.jdbc.sql("select secret from installation_secrets where name = :name")
			.param("name", name)
			.query(String.class)
			.optional();
	}

	private String create(String name) {
		byte[] secret = new byte[SECRET_BYTES];
		this.random.nextBytes(secret);
		try {
			this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
					insert into installation_secrets (name, secret, created_at) values (:name, :secret, :now)
					""")
				.param("name", name)
				.param("secret", HexFormat.of().formatHex(secret))
				.param("now", SqlTime.utc(this.clock.instant()))
				.update());
		}
		catch (DuplicateKeyException ex) {
			// Another instance made it a moment ago: use theirs.
		}
		return this.ownTransaction.execute((status) -> find(name)).orElseThrow();
	}

}
