package io.aftercare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Chooses the database of the integration tests. With
 * {@code aftercare.test.database=postgres} a real PostgreSQL runs: the one at
 * {@code AFTERCARE_TEST_POSTGRES_URL} (user and password in
 * {@code AFTERCARE_TEST_POSTGRES_USER} and {@code AFTERCARE_TEST_POSTGRES_PASSWORD}) when
 * set, otherwise an embedded one from Maven Central (see {@link #newDatabase()}). Without
 * the property, the in-memory H2 of {@link AftercareIntegrationTest} is used.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aftercare.test.database", havingValue = "postgres")
public class TestDatabase {

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres server;

	@Bean(destroyMethod = "close")
	@Primary
	@ConditionalOnExpression("'${AFTERCARE_TEST_POSTGRES_URL:}' == ''")
	HikariDataSource embeddedPostgresDataSource() throws IOException, SQLException {
		return newDatabase();
	}

	@Bean
	@Primary
	@ConditionalOnExpression("'${AFTERCARE_TEST_POSTGRES_URL:}' != ''")
	DataSource externalPostgresDataSource(org.springframework.core.env.Environment env) {
		return DataSourceBuilder.create()
			.url(env.getRequiredProperty("AFTERCARE_TEST_POSTGRES_URL"))
			.username(env.getProperty("AFTERCARE_TEST_POSTGRES_USER", "postgres"))
			.password(env.getProperty("AFTERCARE_TEST_POSTGRES_PASSWORD", ""))
			.build();
	}

	/**
	 * A new, empty database on the embedded PostgreSQL server that the whole test run
	 * shares, behind a connection pool as in production. Starting a server takes seconds
	 * and creating a database milliseconds, so each application context, and each test
	 * that starts instances of its own, gets a database, not a server. The server is
	 * stopped by Spring Boot's shutdown hook, so this is for tests that run Spring
	 * applications in this JVM (the crash runs, whose apps all live in JVMs of their own,
	 * start a server of their own).
	 */
	public static HikariDataSource newDatabase() throws IOException, SQLException {
		HikariDataSource pool = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(createDatabase())
			.username("postgres")
			.build();
		// Dozens of contexts stay cached side by side; each holds few idle connections.
		pool.setMinimumIdle(1);
		return pool;
	}

	/**
	 * The arguments that point an application a test starts at a new database on the
	 * shared server (see {@link #newDatabase()}).
	 */
	public static List<String> newDatabaseArguments() throws IOException, SQLException {
		return List.of("--spring.datasource.url=" + createDatabase(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=");
	}

	/**
	 * Creates a database on the shared server.
	 * @return its JDBC URL
	 */
	private static String createDatabase() throws IOException, SQLException {
		String name = "aftercare_" + databases.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		return server().getJdbcUrl("postgres", name);
	}

	private static synchronized EmbeddedPostgres server() throws IOException {
		if (server == null) {
			// Stopped after Spring Boot has closed every context at exit, not beside
			// them, as the server's own shutdown hook would: closing contexts still
			// use their databases (Spring Modulith's registry reads its incomplete
			// publications), and would wait for connections to a stopped server.
			EmbeddedPostgres started = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					started.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			server = started;
		}
		return server;
	}

}
