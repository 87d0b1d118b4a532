package io.aftercare;

import java.io.IOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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
 * set, otherwise an embedded one from Maven Central, started per application context and
 * closed with it. Without the property, the in-memory H2 of
 * {@link AftercareIntegrationTest} is used.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aftercare.test.database", havingValue = "postgres")
public class TestDatabase {

	@Bean(destroyMethod = "close")
	@ConditionalOnExpression("'${AFTERCARE_TEST_POSTGRES_URL:}' == ''")
	EmbeddedPostgres embeddedPostgres() throws IOException {
		return EmbeddedPostgres.builder().start();
	}

	@Bean
	@Primary
	@ConditionalOnExpression("'${AFTERCARE_TEST_POSTGRES_URL:}' == ''")
	DataSource embeddedPostgresDataSource(EmbeddedPostgres postgres) {
		return postgres.getPostgresDatabase();
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

}
