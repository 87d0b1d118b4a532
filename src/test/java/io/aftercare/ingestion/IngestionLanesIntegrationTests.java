package io.aftercare.ingestion;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.ticket.TicketResolved;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large batch of tickets is stored in two lanes at once (the default), each ticket's
 * versions in one lane and in their order; a batch stored inside the caller's own
 * transaction stays in it.
 */
@AftercareIntegrationTest
class IngestionLanesIntegrationTests {

	private static final Instant OPENED = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	Ingestion ingestion;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ConfigurableApplicationContext context;

	/** The threads resolutions were announced on. */
	final Set<String> announcingThreads = ConcurrentHashMap.newKeySet();

	final Set<String> resolved = ConcurrentHashMap.newKeySet();

	final ApplicationListener<ApplicationEvent> listener = (event) -> {
		if (event instanceof PayloadApplicationEvent<?> payload
				&& payload.getPayload() instanceof TicketResolved resolution) {
			this.announcingThreads.add(Thread.currentThread().getName());
			this.resolved.add(resolution.ticketNumber());
		}
	};

	String run;

	@BeforeEach
	void aCustomerOfItsOwn() {
		this.run = java.util.UUID.randomUUID().toString().substring(0, 8);
		IncomingCustomer customer = this.json.readValue("""
				{"source":"lanes","externalId":"%s","name":"Lanes %s","tier":"SMB","arr":50000,"employees":40,
				 "renewalDate":"2027-06-30","atRisk":false}""".formatted(this.run, this.run), IncomingCustomer.class);
		assertThat(this.ingestion.customers(List.of(Submission.of(0, customer)).iterator()).created()).isEqualTo(1);
		this.context.addApplicationListener(this.listener);
	}

	@AfterEach
	void stopListening() {
		this.context.removeApplicationListener(this.listener);
	}

	@Test
	void storesALargeBatchInTwoLanesAtOnceWithEachTicketsVersionsInOrder() {
		// Every ticket first open, then solved: 1,200 records, the first round of 1,000
		// holds both versions of tickets 0 to 399.
		List<Submission<IncomingTicket>> batch = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			batch.add(Submission.of(batch.size(), ticket(i, false, this.run)));
		}
		for (int i = 0; i < 600; i++) {
			batch.add(Submission.of(batch.size(), ticket(i, true, this.run)));
		}

		IngestionReport report = this.ingestion.tickets(batch.iterator(), true);

		assertThat(report.created()).isEqualTo(600);
		assertThat(report.updated()).isEqualTo(600);
		assertThat(report.records()).as("outcomes in the batch's order").hasSize(1000);
		assertThat(report.records()).extracting(RecordOutcome::index)
			.containsExactlyElementsOf(java.util.stream.IntStream.range(0, 1000).boxed().toList());
		assertThat(report.records().subList(0, 600)).extracting(RecordOutcome::outcome).containsOnly(Outcome.CREATED);
		assertThat(report.records().subList(600, 1000)).extracting(RecordOutcome::outcome)
			.containsOnly(Outcome.UPDATED);
		assertThat(statusCounts()).as("each ticket's later version landed last").containsExactly("SOLVED:600");
		assertThat(this.resolved).hasSize(600);
		assertThat(this.announcingThreads).as("stored on the caller's thread and a lane's at once")
			.contains(Thread.currentThread().getName(), "ingestion-lane-1");
	}

	@Test
	void aRefusedTicketIsRejectedAloneWhileBothLanesStoreTheRest() {
		List<Submission<IncomingTicket>> batch = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			batch.add(Submission.of(i, ticket(i, true, (i == 777) ? this.run + "-nobody" : this.run)));
		}

		IngestionReport report = this.ingestion.tickets(batch.iterator(), true);

		assertThat(report.created()).isEqualTo(1199);
		assertThat(report.rejected()).isEqualTo(1);
		assertThat(report.records()).filteredOn(RecordOutcome::rejected)
			.singleElement()
			.satisfies((rejected) -> assertThat(rejected.index()).isEqualTo(777))
			.satisfies((rejected) -> assertThat(rejected.reason()).contains("is not known"));
		assertThat(statusCounts()).containsExactly("SOLVED:1199");
	}

	@Test
	void aBatchStoredInTheCallersTransactionStaysInIt() {
		List<Submission<IncomingTicket>> batch = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			batch.add(Submission.of(i, ticket(i, true, this.run)));
		}

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			assertThat(this.ingestion.tickets(batch.iterator(), true).created()).isEqualTo(1200);
			status.setRollbackOnly();
		});

		assertThat(statusCounts()).as("rolled back with the caller's transaction, every lane").isEmpty();
		assertThat(this.announcingThreads).containsOnly(Thread.currentThread().getName());
	}

	private IncomingTicket ticket(int n, boolean solved, String customer) {
		Instant opened = OPENED.plusSeconds(n * 60L);
		return this.json.readValue(
				"""
						{"source":"lanes","externalId":"%s-%d","number":"LN-%s-%d","customer":{"source":"lanes","externalId":"%s"},
						 "subject":"Export failed","priority":"HIGH","status":"%s","openedAt":"%s"%s}
						"""
					.formatted(this.run, n, this.run, n, customer, solved ? "SOLVED" : "OPEN", opened,
							solved ? ",\"resolvedAt\":\"" + opened.plusSeconds(3600) + "\"" : ""),
				IncomingTicket.class);
	}

	private List<String> statusCounts() {
		return this.jdbc.sql("""
				select status, count(*) from tickets where source_system = 'lanes' and external_id like :run
				group by status order by status
				""").param("run", this.run + "-%").query((rs, i) -> rs.getString(1) + ":" + rs.getLong(2)).list();
	}

}
