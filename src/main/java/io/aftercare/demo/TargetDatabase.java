package io.aftercare.demo;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The database the demo workspace would go into, as its JDBC driver describes it.
 *
 * @param productName the database product, such as {@code H2} or {@code PostgreSQL}
 * @param url the JDBC URL
 * @param empty whether it holds no customers and no users
 */
record TargetDatabase(String productName, String url, boolean empty) {

	static TargetDatabase of(DataSource dataSource, boolean empty) {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			return new TargetDatabase(metaData.getDatabaseProductName(), metaData.getURL(), empty);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("cannot read the database's metadata", ex);
		}
	}

	/**
	 * H2 in memory or in a local file, the default of a first start. An H2 server reached
	 * over {@code tcp:} or {@code ssl:} may be shared, so it does not count.
	 */
	boolean embeddedH2() {
		String jdbcUrl = (this.url != null) ? this.url.toLowerCase(Locale.ROOT) : "";
		boolean h2 = "h2".equalsIgnoreCase(this.productName) || jdbcUrl.startsWith("jdbc:h2:");
		boolean server = jdbcUrl.startsWith("jdbc:h2:tcp:") || jdbcUrl.startsWith("jdbc:h2:ssl:");
		return h2 && !server;
	}

}
