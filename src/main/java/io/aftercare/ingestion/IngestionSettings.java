package io.aftercare.ingestion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lanes how many transactions at once store a large batch of tickets
 * ({@code aftercare.ingestion.lanes}); each lane is one database connection, and the
 * database works on each in a process (PostgreSQL) of its own, so a second lane lets a
 * backfill or a file import use a second core. 1 stores every batch on the caller's
 * connection alone.
 */
@ConfigurationProperties("aftercare.ingestion")
record IngestionSettings(@DefaultValue("2") int lanes) {

	IngestionSettings {
		if (lanes < 1 || lanes > 16) {
			throw new IllegalArgumentException("aftercare.ingestion.lanes must be between 1 and 16, not " + lanes);
		}
	}

}
