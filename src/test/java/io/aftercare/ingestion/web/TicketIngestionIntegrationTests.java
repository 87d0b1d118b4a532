package io.aftercare.ingestion.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.CsmDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.aftercare.ingestion.web.IngestClient.SOURCE;
import static io.aftercare.ingestion.web.IngestClient.customer;
import static io.aftercare.ingestion.web.IngestClient.openTicket;
import static org.assertj.core.api.Assertions.assertThat;

@AftercareIntegrationTest
class TicketIngestionIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	CsmDirectory csms;

	@Autowired
	JdbcClient jdbc;

	IngestClient ingest;

	String run;

	@BeforeEach
	void aCustomerWithAContact() {
		this.ingest = new IngestClient(this.http, this.csms);
		this.run = IngestClient.run();
		this.ingest.json("/api/ingest/customers", customer(this.run + "-org", "TechFlow")).expectStatus().isCreated();
		this.ingest
			.json("/api/ingest/contacts",
					"""
							{"source":"test-ingest","externalId":"%1$s-dana","customerExternalId":"%1$s-org","name":"Dana Reyes",
							 "email":"dana@techflow.example","primary":true}"""
						.formatted(this.run))
			.expectStatus()
			.isCreated();
	}

	@Test
	void storesTwoThousandTicketsFromNdjsonAndRejectsOnlyTheMalformedLine() {
		StringBuilder stream = new StringBuilder();
		for (int i = 0; i < 2000; i++) {
			if (i == 1200) {
				stream.append("{\"source\":\"test-ingest\",\"externalId\": oops\n");
			}
			stream.append(openTicket(this.run + "-t" + i, this.run + "-org")).append('\n');
		}

		this.ingest.ndjson("/api/ingest/tickets", stream.toString())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.received")
			.isEqualTo(2001)
			.jsonPath("$.created")
			.isEqualTo(2000)
			.jsonPath("$.rejected")
			.isEqualTo(1)
			// Stored records are listed only among the first 1000; rejected ones always.
			.jsonPath("$.records.length()")
			.isEqualTo(1001)
			.jsonPath("$.recordsComplete")
			.isEqualTo(false)
			.jsonPath("$.recordsOmitted")
			.isEqualTo(1000)
			.jsonPath("$.records[1000].index")
			.isEqualTo(1200)
			.jsonPath("$.records[1000].outcome")
			.isEqualTo("REJECTED")
			.jsonPath("$.records[1000].reason")
			.value(String.class, (reason) -> assertThat(reason).startsWith("line 1201 is not valid JSON"));

		assertThat(this.jdbc.sql("""
				select count(*) from tickets t join customers c on c.id = t.customer_id
				where t.source_system = :source and t.external_id like :run and c.external_id = :org
				""")
			.param("source", SOURCE)
			.param("run", this.run + "-t%")
			.param("org", this.run + "-org")
			.query(Long.class)
			.single()).isEqualTo(2000);
	}

	@Test
	void rejectsATicketForAnUnknownCustomer() {
		this.ingest.json("/api/ingest/tickets", openTicket(this.run + "-1", this.run + "-nobody"))
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("customer test-ingest:" + this.run + "-nobody is not known; send it first");

		this.ingest
			.json("/api/ingest/tickets",
					"[" + openTicket(this.run + "-2", this.run + "-nobody") + ","
							+ openTicket(this.run + "-3", this.run + "-org") + "]")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.records[0].outcome")
			.isEqualTo("REJECTED")
			.jsonPath("$.records[0].reason")
			.value(String.class, (reason) -> assertThat(reason).contains("is not known"))
			.jsonPath("$.records[1].outcome")
			.isEqualTo("CREATED");
		assertThat(ticketIds()).containsExactly(this.run + "-3");
	}

	@Test
	void updatesATicketThatWasSolved() {
		this.ingest.json("/api/ingest/tickets", openTicket(this.run + "-1", this.run + "-org"))
			.expectStatus()
			.isCreated();

		String solved = openTicket(this.run + "-1", this.run + "-org").replace("\"open\"",
				"\"SOLVED\",\"resolvedAt\":\"2026-10-02T10:30:00Z\",\"resolutionSummary\":\"Index rebuilt\"");
		this.ingest.json("/api/ingest/tickets", solved)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("UPDATED");
		Map<String, Object> row = this.jdbc
			.sql("select status, resolved_at, resolution_summary from tickets "
					+ "where source_system = :source and external_id = :id")
			.param("source", SOURCE)
			.param("id", this.run + "-1")
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("SOLVED");
		assertThat(row.get("resolution_summary")).isEqualTo("Index rebuilt");
		assertThat(this.jdbc.sql("select resolved_at from tickets where source_system = :source and external_id = :id")
			.param("source", SOURCE)
			.param("id", this.run + "-1")
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).hasToString("2026-10-02T10:30:00Z");

		this.ingest.json("/api/ingest/tickets", solved)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("UNCHANGED");
	}

	/**
	 * A desk's batch may carry a ticket more than once (it changed twice since the last
	 * page): its versions land in their order, beside the other tickets of the batch.
	 */
	@Test
	void appliesEveryVersionOfATicketInOneBatchInItsOrder() {
		String open = openTicket(this.run + "-1", this.run + "-org");
		String solved = open.replace("\"open\"",
				"\"SOLVED\",\"resolvedAt\":\"2026-10-02T10:30:00Z\",\"resolutionSummary\":\"Index rebuilt\"");
		String reopened = open.replace("\"tags\":[\"export\"]", "\"tags\":[\"export\",\"reopened\"]");
		this.ingest
			.json("/api/ingest/tickets",
					"[" + open + "," + openTicket(this.run + "-2", this.run + "-org") + "," + solved + "," + reopened
							+ "]")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.records[*].outcome")
			.isEqualTo(List.of("CREATED", "CREATED", "UPDATED", "UPDATED"));

		Map<String, Object> row = this.jdbc.sql("""
				select status, reopen_count, reopened_at, resolution_summary from tickets
				where source_system = :source and external_id = :id
				""").param("source", SOURCE).param("id", this.run + "-1").query().singleRow();
		assertThat(row).as("solved, then reopened").containsEntry("status", "OPEN").containsEntry("reopen_count", 1);
		assertThat(row.get("reopened_at")).isNotNull();
		assertThat(this.jdbc.sql("""
				select tag from ticket_tags g join tickets t on t.id = g.ticket_id
				where t.source_system = :source and t.external_id = :id order by tag
				""").param("source", SOURCE).param("id", this.run + "-1").query(String.class).list())
			.containsExactly("export", "reopened");
	}

	@Test
	void sendingTheSameFullTicketsTwiceChangesNothing() {
		String batch = "[" + fullTicket(this.run + "-1") + "," + fullTicket(this.run + "-2") + "]";
		this.ingest.json("/api/ingest/tickets", batch)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.created")
			.isEqualTo(2)
			.jsonPath("$.rejected")
			.isEqualTo(0);
		Map<String, Object> stored = this.jdbc.sql("""
				select t.ticket_number, t.priority, t.escalated, c.name as requester,
				       (select count(*) from ticket_comments m where m.ticket_id = t.id) as comments,
				       (select count(*) from ticket_participants p where p.ticket_id = t.id) as participants,
				       (select count(*) from ticket_tags g where g.ticket_id = t.id) as tags
				from tickets t join contacts c on c.id = t.requester_contact_id
				where t.source_system = :source and t.external_id = :id
				""").param("source", SOURCE).param("id", this.run + "-1").query().singleRow();
		assertThat(stored).containsEntry("ticket_number", "#" + this.run + "-1")
			.containsEntry("priority", "HIGH")
			.containsEntry("escalated", true)
			.containsEntry("requester", "Dana Reyes");
		assertThat(((Number) stored.get("comments")).intValue()).isEqualTo(2);
		assertThat(((Number) stored.get("participants")).intValue()).isEqualTo(2);
		assertThat(((Number) stored.get("tags")).intValue()).isEqualTo(2);

		this.ingest.json("/api/ingest/tickets", batch)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.unchanged")
			.isEqualTo(2)
			.jsonPath("$.records[*].outcome")
			.isEqualTo(List.of("UNCHANGED", "UNCHANGED"));
		assertThat(this.jdbc.sql("""
				select count(*) from ticket_comments m join tickets t on t.id = m.ticket_id
				where t.source_system = :source and t.external_id like :run
				""").param("source", SOURCE).param("run", this.run + "-%").query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void rollsBackATicketThatFailsHalfwayWithoutItsNeighbours() {
		// The ticket row is written before its tags; a constraint the domain does not
		// know makes the database refuse one tag, so only a savepoint keeps the
		// half-written ticket out while its neighbours land.
		String batch = "[" + openTicket(this.run + "-1", this.run + "-org") + ","
				+ openTicket(this.run + "-2", this.run + "-org").replace("\"export\"", "\"refused-by-db\"") + ","
				+ openTicket(this.run + "-3", this.run + "-org") + "]";
		this.jdbc.sql("alter table ticket_tags add constraint test_refuses_tag check (tag <> 'refused-by-db')")
			.update();
		try {
			this.ingest.json("/api/ingest/tickets", batch)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.created")
				.isEqualTo(2)
				.jsonPath("$.records[1].outcome")
				.isEqualTo("REJECTED")
				.jsonPath("$.records[1].reason")
				.value(String.class, (reason) -> assertThat(reason).startsWith("rejected by the database"));
		}
		finally {
			this.jdbc.sql("alter table ticket_tags drop constraint test_refuses_tag").update();
		}
		assertThat(ticketIds()).containsExactly(this.run + "-1", this.run + "-3");
	}

	@Test
	void refusesDescriptionsAndCommentBodiesOverTheirLimits() {
		String limit = openTicket(this.run + "-1", this.run + "-org").replace("\"tags\":",
				"\"description\":\"" + "d".repeat(100_000) + "\",\"tags\":");
		String longDescription = openTicket(this.run + "-2", this.run + "-org").replace("\"tags\":",
				"\"description\":\"" + "d".repeat(100_001) + "\",\"tags\":");
		String longComment = openTicket(this.run + "-3", this.run + "-org").replace("\"tags\":",
				"\"comments\":[{\"author\":\"customer\",\"createdAt\":\"2026-10-01T09:00:00Z\",\"body\":\""
						+ "c".repeat(10 * 1024 * 1024) + "\"}],\"tags\":");
		this.ingest.json("/api/ingest/tickets", "[" + limit + "," + longDescription + "," + longComment + "]")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.records[*].outcome")
			.isEqualTo(List.of("CREATED", "REJECTED", "REJECTED"))
			.jsonPath("$.records[1].reason")
			.isEqualTo("description is longer than 100000 characters")
			.jsonPath("$.records[2].reason")
			.isEqualTo("comments[0]: comment body is longer than 100000 characters");
		assertThat(ticketIds()).containsExactly(this.run + "-1");
	}

	@Test
	void refusesTicketsDatedAheadOfTime() {
		String soon = java.time.Instant.now().plus(java.time.Duration.ofDays(3)).toString();
		String batch = "[" + openTicket(this.run + "-1", this.run + "-org").replace("2026-10-01T09:00:00Z", soon) + ","
				+ openTicket(this.run + "-2", this.run + "-org").replace("2026-10-01T09:00:00Z",
						"+999999999-12-31T23:59:59Z")
				+ "]";
		this.ingest.json("/api/ingest/tickets", batch)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rejected")
			.isEqualTo(2)
			.jsonPath("$.records[0].reason")
			.isEqualTo("openedAt is in the future: " + soon)
			.jsonPath("$.records[1].reason")
			.isEqualTo("openedAt: must be between 1900-01-01 and 9999-12-31");
		assertThat(ticketIds()).isEmpty();
	}

	@Test
	void refusesATagLongerThanTheDatabaseHoldsWithItsName() {
		String batch = "["
				+ openTicket(this.run + "-1", this.run + "-org").replace("\"export\"", "\"" + "x".repeat(150) + "\"")
				+ "]";
		this.ingest.json("/api/ingest/tickets", batch)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.records[0].reason")
			.isEqualTo("tag is longer than 100 characters");
	}

	@Test
	void rejectsTicketsThatCannotBeReadWithTheField() {
		String batch = "[" + openTicket(this.run + "-1", this.run + "-org").replace("2026-10-01T09:00:00Z", "yesterday")
				+ "," + fullTicket(this.run + "-2").replace("\"side\":\"vendor\"", "\"side\":\"middle\"") + ","
				+ openTicket(this.run + "-3", this.run + "-org").replace("\"open\"", "\"solved\"") + "," + "42" + "]";

		this.ingest.json("/api/ingest/tickets", batch)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rejected")
			.isEqualTo(4)
			.jsonPath("$.records[0].reason")
			.isEqualTo("openedAt: cannot read 'yesterday' as a timestamp such as 2026-11-01T09:30:00Z")
			.jsonPath("$.records[0].key")
			.isEqualTo(SOURCE + ":" + this.run + "-1")
			.jsonPath("$.records[1].reason")
			.isEqualTo("participants[1]: side 'middle' is not one of CUSTOMER, VENDOR")
			.jsonPath("$.records[2].reason")
			.isEqualTo("resolvedAt is required for a solved ticket")
			.jsonPath("$.records[3].reason")
			.isEqualTo("expected a JSON object, not a number");
		assertThat(ticketIds()).isEmpty();
	}

	private List<String> ticketIds() {
		return this.jdbc
			.sql("select external_id from tickets where source_system = :source and external_id like :run "
					+ "order by external_id")
			.param("source", SOURCE)
			.param("run", this.run + "-%")
			.query(String.class)
			.list();
	}

	private String fullTicket(String externalId) {
		return """
				{"source":"test-ingest","externalId":"%1$s","number":"#%1$s","customer":{"source":"test-ingest",
				 "externalId":"%2$s-org"},"subject":"SSO login fails","description":"All users locked out",
				 "productArea":"Authentication","priority":"High","status":"OPEN","openedAt":"2026-10-29T08:12:00Z",
				 "reopenCount":0,"requester":{"externalId":"%2$s-dana"},"escalated":true,"escalatedTo":"Identity team",
				 "satisfactionRating":"good","tags":["sso","Outage"],
				 "participants":[{"name":"Dana Reyes","email":"dana@techflow.example","side":"customer","role":"requester"},
				                 {"name":"Lee Park","side":"vendor","role":"agent"}],
				 "comments":[{"externalId":"c1","author":"customer","authorName":"Dana Reyes","public":true,
				              "body":"Nobody can log in.","createdAt":"2026-10-29T08:12:00Z"},
				             {"author":"AGENT","authorName":"Lee Park","public":false,"body":"Escalating to identity.",
				              "createdAt":"2026-10-29T08:40:00Z"}],
				 "unknownField":"ignored"}"""
			.formatted(externalId, this.run);
	}

}
