package io.aftercare.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.customer.CustomerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket has one open follow-up, however many ask for it at once: a script that retries
 * in parallel, a double submit, a CSM and Aftercare's own draft at the same moment. The
 * others get the draft the first one stored.
 */
@AftercareIntegrationTest
class SimultaneousRequestsIntegrationTests {

	private static final int AT_ONCE = 8;

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FollowUpManagement followUps;

	@Autowired
	CsmDirectory csms;

	private long customerId;

	private long ticketId;

	// A NORMAL ticket resolved a day ago: nothing drafts it unasked meanwhile.
	@BeforeEach
	void customerWithAResolvedTicket() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		ingest("customers", """
				{"source":"at-once","externalId":"c-%s","name":"Simultaneous %s","tier":"SMB","owner":"alex"}"""
			.formatted(run, run));
		ingest("contacts", """
				{"source":"at-once","externalId":"p-%s","customer":{"externalId":"c-%s"},
				 "name":"Noor Haddad","email":"noor@simultaneous.example","primary":true}""".formatted(run, run));
		ingest("tickets", """
				{"source":"at-once","externalId":"t-%s","number":"SI-%s","customer":{"externalId":"c-%s"},
				 "subject":"Reports page loads slowly","priority":"NORMAL","status":"SOLVED",
				 "openedAt":"%s","resolvedAt":"%s","requester":{"externalId":"p-%s"},
				 "resolutionSummary":"Added an index for the reports query"}""".formatted(run, run, run,
				Instant.now().minusSeconds(3 * 86400), Instant.now().minusSeconds(86400), run));
		this.customerId = this.jdbc.sql("select id from customers where external_id = :id")
			.param("id", "c-" + run)
			.query(Long.class)
			.single();
		this.ticketId = this.jdbc.sql("select id from tickets where external_id = :id")
			.param("id", "t-" + run)
			.query(Long.class)
			.single();
	}

	@AfterEach
	void discardTheDrafts() {
		Csm alex = this.csms.find("alex").orElseThrow();
		openFollowUps().forEach((id) -> this.followUps.discard(alex, new FollowUpId(id)));
	}

	@Test
	void requestsForOneTicketAtOnceStoreOneDraft() throws Exception {
		Csm alex = this.csms.find("alex").orElseThrow();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE);
		try {
			List<Future<FollowUpDetails>> answers = new ArrayList<>();
			for (int i = 0; i < AT_ONCE; i++) {
				answers.add(threads.submit(() -> {
					start.await();
					return this.followUps.request(alex, new CustomerId(this.customerId), FollowUpRequest.latest());
				}));
			}
			start.countDown();
			List<FollowUpDetails> details = new ArrayList<>();
			for (Future<FollowUpDetails> answer : answers) {
				details.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(openFollowUps()).hasSize(1);
			assertThat(details).filteredOn(FollowUpDetails::created).hasSize(1);
			assertThat(details).extracting((d) -> d.followUp().id().value()).containsOnly(openFollowUps().get(0));
		}
		finally {
			threads.shutdownNow();
		}
	}

	private List<Long> openFollowUps() {
		return this.jdbc.sql("""
				select id from support_followups
				where ticket_id = :ticket and status in ('DRAFT', 'APPROVED', 'QUEUED', 'FAILED', 'ON_HOLD')
				""").param("ticket", this.ticketId).query(Long.class).list();
	}

	private void ingest(String kind, String body) {
		new FollowUpClient(this.http, "admin").post("/api/ingest/" + kind, body).expectStatus().isCreated();
	}

}
