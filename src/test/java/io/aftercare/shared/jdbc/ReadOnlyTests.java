package io.aftercare.shared.jdbc;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ReadOnly} promises, on Spring's own transaction proxy: no transaction of
 * its own, the caller's joined, and one connection for all of a read's statements.
 */
class ReadOnlyTests {

	private AnnotationConfigApplicationContext context;

	private Reader reader;

	@BeforeEach
	void start() {
		this.context = new AnnotationConfigApplicationContext(Setup.class);
		this.reader = this.context.getBean(Reader.class);
	}

	@AfterEach
	void stop() {
		this.context.close();
	}

	@Test
	void aReadWithoutCallerRunsWithoutATransactionOnOneConnection() {
		Seen seen = this.reader.read();

		assertThat(seen.inTransaction()).isFalse();
		assertThat(seen.readOnly()).isTrue();
		assertThat(seen.connections()).hasSize(2);
		assertThat(seen.connections().get(0)).isSameAs(seen.connections().get(1));
	}

	@Test
	void aReadJoinsTheCallersTransactionAndItsConnection() {
		DataSource dataSource = this.context.getBean(DataSource.class);
		TransactionTemplate transaction = new TransactionTemplate(
				this.context.getBean(PlatformTransactionManager.class));

		List<Object> outer = new ArrayList<>();
		Seen seen = transaction.execute((status) -> {
			outer.add(DataSourceUtils.getConnection(dataSource));
			return this.reader.read();
		});

		assertThat(seen.inTransaction()).isTrue();
		assertThat(seen.connections().get(0)).isSameAs(outer.get(0));
	}

	record Seen(boolean inTransaction, boolean readOnly, List<Connection> connections) {
	}

	static class Reader {

		private final DataSource dataSource;

		Reader(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		@ReadOnly
		public Seen read() {
			// Two statements' worth of connections, as JdbcTemplate would get them.
			Connection first = DataSourceUtils.getConnection(this.dataSource);
			Connection second = DataSourceUtils.getConnection(this.dataSource);
			return new Seen(TransactionSynchronizationManager.isActualTransactionActive(),
					TransactionSynchronizationManager.isCurrentTransactionReadOnly(), List.of(first, second));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class Setup {

		@Bean
		DataSource dataSource() {
			return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:read-only-tests", "sa", "");
		}

		@Bean
		PlatformTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		Reader reader(DataSource dataSource) {
			return new Reader(dataSource);
		}

	}

}
