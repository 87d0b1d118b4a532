package io.aftercare.account;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears PostgreSQL's notices of changed tokens and users (V79's triggers, on channel
 * {@value #CHANNEL}) on a connection of its own, outside the pool, and tells
 * {@link RememberedTokens} to forget. The notices come from the database, so a token
 * revoked on another instance and a user disabled by hand in SQL are heard alike.
 * <p>
 * While the connection is down, or not yet up, nothing is remembered: a notice missed
 * then would leave a revoked token working. The connection is checked every
 * {@link #WAIT_MILLIS} with a query, so one lost without a word (a dead network) is
 * noticed within seconds. On H2, the single-instance default, nothing listens and every
 * request reads its token, in-process. With
 * {@code aftercare.account.tokens.remember-checked=false} nothing listens either.
 */
@Component
final class CredentialNotices implements SmartLifecycle {

	static final String CHANNEL = "aftercare_credentials";

	static final String APPLICATION_NAME = "aftercare-credential-notices";

	private static final Logger log = LoggerFactory.getLogger(CredentialNotices.class);

	private static final int WAIT_MILLIS = 5_000;

	private static final long RETRY_MILLIS = 1_000;

	private final DataSource dataSource;

	private final RememberedTokens remembered;

	private final boolean enabled;

	private volatile Thread listener;

	private volatile Connection connection;

	CredentialNotices(DataSource dataSource, RememberedTokens remembered, AccountSettings settings) {
		this.dataSource = dataSource;
		this.remembered = remembered;
		this.enabled = settings.tokens().rememberChecked();
	}

	@Override
	public void start() {
		if (!this.enabled) {
			return;
		}
		Thread thread = new Thread(this::listen, "credential-notices");
		thread.setDaemon(true);
		this.listener = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = this.listener;
		this.listener = null;
		this.remembered.hearing(false);
		if (thread != null) {
			thread.interrupt();
			abort(this.connection);
		}
	}

	@Override
	public boolean isRunning() {
		return this.listener != null;
	}

	private void listen() {
		boolean lost = false;
		while (this.listener == Thread.currentThread()) {
			try (Connection connection = connect()) {
				if (connection == null) {
					log.debug("Not PostgreSQL: every API request reads its token");
					return;
				}
				this.connection = connection;
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				if (this.listener != Thread.currentThread()) {
					return;
				}
				this.remembered.hearing(true);
				if (lost) {
					log.info("Hearing changes to tokens and users again");
					lost = false;
				}
				hear(connection);
			}
			catch (SQLException | RuntimeException ex) {
				this.remembered.hearing(false);
				if (this.listener != Thread.currentThread()) {
					return;
				}
				if (!lost) {
					log.warn("Not hearing changes to tokens and users ({}); every API request reads its token until "
							+ "the database answers again", ex.getMessage());
					lost = true;
				}
				try {
					Thread.sleep(RETRY_MILLIS);
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	private void hear(Connection connection) throws SQLException {
		PGConnection postgres = connection.unwrap(PGConnection.class);
		while (this.listener == Thread.currentThread()) {
			PGNotification[] notices = postgres.getNotifications(WAIT_MILLIS);
			if (notices != null && notices.length > 0) {
				this.remembered.changed();
			}
			else {
				try (Statement statement = connection.createStatement()) {
					statement.execute("select 1");
				}
			}
		}
	}

	/**
	 * A connection of its own: from the pool's settings when there is a pool (one held
	 * for ever would be one fewer for requests), else from the data source. Null when the
	 * database is not PostgreSQL.
	 */
	private Connection connect() throws SQLException {
		if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
			if (pool.getJdbcUrl() == null || !pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
				return null;
			}
			Properties properties = new Properties();
			properties.putAll(pool.getDataSourceProperties());
			if (pool.getUsername() != null) {
				properties.setProperty("user", pool.getUsername());
			}
			if (pool.getPassword() != null) {
				properties.setProperty("password", pool.getPassword());
			}
			properties.setProperty("ApplicationName", APPLICATION_NAME);
			properties.setProperty("socketTimeout", "30");
			return DriverManager.getConnection(pool.getJdbcUrl(), properties);
		}
		Connection connection = this.dataSource.getConnection();
		if (!connection.isWrapperFor(PGConnection.class)) {
			connection.close();
			return null;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("set application_name = '" + APPLICATION_NAME + "'");
		}
		return connection;
	}

	/** Wakes the listener from its wait: closing would queue behind the wait. */
	private static void abort(Connection connection) {
		if (connection != null) {
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException ex) {
				// The listener is going anyway, at the latest after its wait.
			}
		}
	}

}
