package io.aftercare.shared.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresBatchingTests {

	@Test
	void batchesInsertsOnPostgresqlOnly() {
		HikariDataSource postgres = pool("jdbc:postgresql://db.internal:5432/aftercare");
		HikariDataSource h2 = pool("jdbc:h2:file:./data/aftercare;MODE=PostgreSQL");
		HikariDataSource chosen = pool("jdbc:postgresql://db.internal/aftercare?reWriteBatchedInserts=false");

		assertThat(postgres.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
		assertThat(h2.getDataSourceProperties()).as("H2 refuses settings it does not know").isEmpty();
		assertThat(chosen.getDataSourceProperties()).as("the URL's own choice stands").isEmpty();
	}

	private static HikariDataSource pool(String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		return (HikariDataSource) PostgresBatching.postgresBatchedInserts()
			.postProcessBeforeInitialization(pool, "dataSource");
	}

}
