package io.aftercare.ingestion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.ticket.TicketIntake;
import io.aftercare.ticket.TicketRecord;
import io.aftercare.ticket.TicketResolved;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * A ticket resolution is announced only once it is committed: a record rolled back alone,
 * after its ticket was already written, announces nothing, and no listener ever hears of
 * a ticket that is not in the database.
 */
@AftercareIntegrationTest
@RecordApplicationEvents
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:aftercare-resolution-announcements;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ResolutionAnnouncementIntegrationTests {

	@Autowired
	Ingestion ingestion;

	@MockitoSpyBean
	TicketIntake intake;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aTicketRolledBackWithItsRecordAnnouncesNothing() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		// The second ticket is written, then the database refuses it: the chunk's
		// savepoint takes both back, and taken in one by one, the second's own
		// savepoint takes it back.
		doAnswer((call) -> {
			Object stored = call.callRealMethod();
			List<TicketRecord> records = call.getArgument(0);
			if (records.stream().anyMatch((record) -> record.number().equals("RB-" + run + "-2"))) {
				throw new DataIntegrityViolationException("refused after the ticket was written");
			}
			return stored;
		}).when(this.intake).upsertAll(any());

		IngestionReport report = this.ingestion
			.tickets(List.of(Submission.of(0, solved(run, 1)), Submission.of(1, solved(run, 2))).iterator());

		assertThat(report.records()).extracting(RecordOutcome::outcome)
			.containsExactly(Outcome.CREATED, Outcome.REJECTED);
		assertThat(this.events.stream(TicketResolved.class)).extracting(TicketResolved::ticketNumber)
			.containsExactly("RB-" + run + "-1");
		assertThat(ticketIds("RB-" + run + "-2")).as("the rolled-back ticket").isEmpty();
		long announced = ticketIds("RB-" + run + "-1").get(0);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					select subject_id from audit_log where subject_type = 'ticket' and action = 'resolved'
					""").query(String.class).list()).as("resolutions the audit trail heard of")
				.contains(String.valueOf(announced))
				.allSatisfy((id) -> assertThat(ticketExists(Long.parseLong(id))).isTrue()));
	}

	private IncomingTicket solved(String run, int n) {
		return this.json.readValue("""
				{"source":"demo","externalId":"rb-%s-%d","number":"RB-%s-%d","customer":{"externalId":"techflow"},
				 "subject":"Sync failed","priority":"HIGH","status":"SOLVED","openedAt":"%s","resolvedAt":"%s"}
				""".formatted(run, n, run, n, Instant.now().minusSeconds(7200), Instant.now().minusSeconds(60)),
				IncomingTicket.class);
	}

	private List<Long> ticketIds(String number) {
		return this.jdbc.sql("select id from tickets where ticket_number = :number")
			.param("number", number)
			.query(Long.class)
			.list();
	}

	private boolean ticketExists(long id) {
		return this.jdbc.sql("select count(*) from tickets where id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

}
