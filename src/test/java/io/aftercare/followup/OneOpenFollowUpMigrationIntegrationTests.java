package io.aftercare.followup;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * V81 and V82 on a database that already holds what simultaneous requests left behind: a
 * ticket with several open follow-ups keeps the one furthest along, the others are
 * discarded with an entry in the audit trail, and from then on the database refuses a
 * second open follow-up for a ticket. On H2, and on PostgreSQL when the build runs with
 * {@code -Daftercare.test.database=postgres}.
 */
class OneOpenFollowUpMigrationIntegrationTests {

	private static final String[] LOCATIONS_H2 = { "classpath:db/migration", "classpath:db/vendor/h2" };

	private static final String[] LOCATIONS_POSTGRES = { "classpath:db/migration", "classpath:db/vendor/postgresql" };

	@Test
	void keepsTheOneFurthestAlongAndRefusesASecondOpenOne() throws Exception {
		if ("postgres".equals(System.getProperty("aftercare.test.database"))) {
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
				migrateWithDuplicates(postgres.getPostgresDatabase(), LOCATIONS_POSTGRES);
			}
		}
		else {
			migrateWithDuplicates(new DriverManagerDataSource(
					"jdbc:h2:mem:migration-" + UUID.randomUUID()
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"sa", ""), LOCATIONS_H2);
		}
	}

	private void migrateWithDuplicates(DataSource database, String[] locations) {
		Flyway.configure().dataSource(database).locations(locations).target("80").load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql("""
				insert into csm_users (username, display_name, password_hash, role, enabled, created_at)
				values ('sam', 'Sam', 'x', 'CSM', true, current_timestamp)
				""").update();
		jdbc.sql(
				"""
						insert into customers (id, source_system, external_id, name, tier, owner_username, created_at, updated_at)
						values (1, 'test', 'c1', 'TechFlow', 'SMB', 'sam', current_timestamp, current_timestamp)
						""")
			.update();
		for (long ticket = 1; ticket <= 2; ticket++) {
			jdbc.sql("""
					insert into tickets (id, customer_id, source_system, external_id, ticket_number, subject, priority,
					    status, opened_at, resolved_at, created_at, updated_at)
					values (:id, 1, 'test', :external, :number, 'Sync fails', 'HIGH', 'SOLVED', current_timestamp,
					    current_timestamp, current_timestamp, current_timestamp)
					""").param("id", ticket).param("external", "t" + ticket).param("number", "TF-" + ticket).update();
		}
		// Ticket 1: two drafts and an approved follow-up, made at the same moment, and
		// one sent long ago. Ticket 2: one draft.
		followUp(jdbc, 1, 1, "DRAFT", "2026-11-30T10:00:00Z");
		followUp(jdbc, 2, 1, "APPROVED", "2026-11-30T10:00:00Z");
		followUp(jdbc, 3, 1, "DRAFT", "2026-11-30T10:00:01Z");
		followUp(jdbc, 4, 1, "SENT", "2026-10-01T10:00:00Z");
		followUp(jdbc, 5, 2, "DRAFT", "2026-11-30T10:00:00Z");

		Flyway.configure().dataSource(database).locations(locations).load().migrate();

		Map<Long, String> statuses = new TreeMap<>();
		jdbc.sql("select id, status from support_followups")
			.query((RowCallbackHandler) (rs) -> statuses.put(rs.getLong("id"), rs.getString("status")));
		assertThat(statuses).containsExactly(Map.entry(1L, "DISCARDED"), Map.entry(2L, "APPROVED"),
				Map.entry(3L, "DISCARDED"), Map.entry(4L, "SENT"), Map.entry(5L, "DRAFT"));
		List<String> discarded = jdbc.sql("""
				select subject_id from audit_log where subject_type = 'followup' and action = 'discarded'
				order by subject_id
				""").query(String.class).list();
		assertThat(discarded).containsExactly("1", "3");
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> followUp(jdbc, 6, 2, "DRAFT", "2026-12-01T10:00:00Z"));
		// Sent and discarded ones do not count: ticket 1 may have another once its
		// approved one is sent.
		jdbc.sql("update support_followups set status = 'SENT' where id = 2").update();
		followUp(jdbc, 7, 1, "DRAFT", "2026-12-01T10:00:00Z");
		assertThat(jdbc.sql("select status from support_followups where id = 7").query(String.class).single())
			.isEqualTo("DRAFT");
	}

	private static void followUp(JdbcClient jdbc, long id, long ticket, String status, String createdAt) {
		jdbc.sql("""
				insert into support_followups (id, customer_id, ticket_id, level, assessed_level, reasons, status,
				    to_name, to_email, generated_subject, generated_body, delivery_status, response_status, created_by,
				    created_at, updated_at)
				values (:id, 1, :ticket, 'MAJOR', 'MAJOR', 'urgent', :status, 'Sarah Chen', 'sarah@techflow.example',
				    'Checking in', 'Hi Sarah', 'NOT_SENT', 'NONE', 'sam', cast(:at as timestamp with time zone),
				    cast(:at as timestamp with time zone))
				""").param("id", id).param("ticket", ticket).param("status", status).param("at", createdAt).update();
	}

}
