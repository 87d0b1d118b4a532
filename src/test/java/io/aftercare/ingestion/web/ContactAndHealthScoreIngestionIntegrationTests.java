package io.aftercare.ingestion.web;

import java.util.List;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.CsmDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.aftercare.ingestion.web.IngestClient.SOURCE;
import static io.aftercare.ingestion.web.IngestClient.customer;
import static org.assertj.core.api.Assertions.assertThat;

@AftercareIntegrationTest
class ContactAndHealthScoreIngestionIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	CsmDirectory csms;

	@Autowired
	JdbcClient jdbc;

	IngestClient ingest;

	String run;

	@BeforeEach
	void twoCustomers() {
		this.ingest = new IngestClient(this.http, this.csms);
		this.run = IngestClient.run();
		this.ingest
			.json("/api/ingest/customers",
					"[" + customer(this.run + "-org", "TechFlow") + "," + customer(this.run + "-other", "Globex") + "]")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.created")
			.isEqualTo(2);
	}

	@Test
	void storesContactsNamingTheirCustomerEitherWayAndRejectsTheBadOnes() {
		String batch = """
				[{"source":"test-ingest","externalId":"%1$s-c1","customer":{"externalId":"%1$s-org"},
				  "name":"Dana Reyes","email":"dana@techflow.example","role":"VP Engineering","primary":true,
				  "timeZone":"America/New_York"},
				 {"source":"test-ingest","externalId":"%1$s-c2","customerExternalId":"%1$s-other","name":"Sam Lee"},
				 {"source":"test-ingest","externalId":"%1$s-c3","customer":{"source":"test-ingest",
				  "externalId":"%1$s-missing"},"name":"Nobody"},
				 {"source":"test-ingest","externalId":"%1$s-c4","customerExternalId":"%1$s-org","name":"Long Role",
				  "role":"%2$s"},
				 {"source":"test-ingest","externalId":"%1$s-c5","customerExternalId":"%1$s-org","name":"Bad Mail",
				  "email":"not-an-address"},
				 {"source":"test-ingest","externalId":"%1$s-c6","customer":"%1$s-org","name":"Plain Key"}]
				""".formatted(this.run, "r".repeat(200));

		this.ingest.json("/api/ingest/contacts", batch)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.created")
			.isEqualTo(3)
			.jsonPath("$.rejected")
			.isEqualTo(3)
			.jsonPath("$.records[2].reason")
			.isEqualTo("customer test-ingest:" + this.run + "-missing is not known; send it first")
			.jsonPath("$.records[3].reason")
			.isEqualTo("role is longer than 120 characters")
			.jsonPath("$.records[4].reason")
			.value(String.class, (reason) -> assertThat(reason).startsWith("email is not an address we can send to"))
			.jsonPath("$.records[5].outcome")
			.isEqualTo("CREATED");

		assertThat(this.jdbc.sql("""
				select k.external_id || '@' || c.external_id from contacts k join customers c on c.id = k.customer_id
				where k.source_system = :source and k.external_id like :run order by k.external_id
				""").param("source", SOURCE).param("run", this.run + "-%").query(String.class).list()).containsExactly(
				this.run + "-c1@" + this.run + "-org", this.run + "-c2@" + this.run + "-other",
				this.run + "-c6@" + this.run + "-org");
		assertThat(this.jdbc.sql("select time_zone from contacts where source_system = :source and external_id = :id")
			.param("source", SOURCE)
			.param("id", this.run + "-c1")
			.query(String.class)
			.single()).isEqualTo("America/New_York");

		this.ingest.json("/api/ingest/contacts", batch)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.unchanged")
			.isEqualTo(3)
			.jsonPath("$.created")
			.isEqualTo(0)
			.jsonPath("$.rejected")
			.isEqualTo(3);
	}

	@Test
	void refusesAtTheDoorContactsNoEmailCouldEverReach() {
		String batch = """
				[{"source":"test-ingest","externalId":"%1$s-e1","customerExternalId":"%1$s-org","name":"Eve",
				  "email":"a@b.example\\u2028X-Evil:1"},
				 {"source":"test-ingest","externalId":"%1$s-e2","customerExternalId":"%1$s-org","name":"Eve",
				  "email":"eve@techflow.example\\r\\nBcc: all@techflow.example"},
				 {"source":"test-ingest","externalId":"%1$s-e3","customerExternalId":"%1$s-org","name":"Eve",
				  "email":"Eve <eve@techflow.example>"},
				 {"source":"test-ingest","externalId":"%1$s-e4","customerExternalId":"%1$s-org",
				  "name":"Eve\\r\\nBcc: all@techflow.example","email":"eve@techflow.example"},
				 {"source":"test-ingest","externalId":"%1$s-e5","customerExternalId":"%1$s-org",
				  "name":"\\u202Eevil\\u202C Eve\\u200B","email":"eve.o'hara+ops@tech-flow.example"}]
				""".formatted(this.run);
		this.ingest.json("/api/ingest/contacts", batch)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.records[*].outcome")
			.isEqualTo(List.of("REJECTED", "REJECTED", "REJECTED", "REJECTED", "CREATED"))
			.jsonPath("$.records[0].reason")
			.value(String.class, (reason) -> assertThat(reason).startsWith("email is not an address we can send to"))
			.jsonPath("$.records[1].reason")
			.value(String.class, (reason) -> assertThat(reason).startsWith("email is not an address we can send to"))
			.jsonPath("$.records[2].reason")
			.value(String.class, (reason) -> assertThat(reason).startsWith("email is not an address we can send to"))
			.jsonPath("$.records[3].reason")
			.isEqualTo("name must be one line, without line breaks or control characters");
		assertThat(this.jdbc.sql("select name from contacts where source_system = :source and external_id = :id")
			.param("source", SOURCE)
			.param("id", this.run + "-e5")
			.query(String.class)
			.single()).isEqualTo("evil Eve");
	}

	@Test
	void refusesHealthScoresDatedAheadSoNoneBecomesTheCurrentScore() {
		String soon = java.time.Instant.now().plus(java.time.Duration.ofDays(3)).toString();
		String scores = """
				[{"customer":"%1$s-org","score":71,"recordedAt":"2026-11-01T00:00:00Z","source":"test-ingest"},
				 {"customer":"%1$s-org","score":5,"recordedAt":"+999999999-12-31T23:59:59Z","source":"test-ingest"},
				 {"customer":"%1$s-org","score":6,"recordedAt":"9999-12-31T00:00:00Z","source":"test-ingest"},
				 {"customer":"%1$s-org","score":7,"recordedAt":"%2$s","source":"test-ingest"}]
				""".formatted(this.run, soon);
		this.ingest.json("/api/ingest/health-scores", scores)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.records[*].outcome")
			.isEqualTo(List.of("CREATED", "REJECTED", "REJECTED", "REJECTED"))
			.jsonPath("$.records[1].reason")
			.isEqualTo("recordedAt: must be between 1900-01-01 and 9999-12-31")
			.jsonPath("$.records[2].reason")
			.isEqualTo("recordedAt is in the future: 9999-12-31T00:00:00Z")
			.jsonPath("$.records[3].reason")
			.isEqualTo("recordedAt is in the future: " + soon);
		assertThat(this.jdbc.sql("""
				select h.score from health_scores h join customers c on c.id = h.customer_id
				where c.source_system = :source and c.external_id = :id order by h.recorded_at desc limit 1
				""").param("source", SOURCE).param("id", this.run + "-org").query(Integer.class).single())
			.isEqualTo(71);
	}

	@Test
	void recordsHealthScoresOncePerCustomerTimeAndSource() {
		String first = """
				{"customer":{"source":"test-ingest","externalId":"%s-org"},"score":72,
				 "recordedAt":"2026-11-01T00:00:00Z","source":"gainsight"}""".formatted(this.run);
		this.ingest.json("/api/ingest/health-scores", first)
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.key")
			.isEqualTo(SOURCE + ":" + this.run + "-org/gainsight@2026-11-01T00:00:00Z");
		this.ingest.json("/api/ingest/health-scores", first)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("UNCHANGED");

		String stream = """
				{"customerSource":"test-ingest","customerExternalId":"%1$s-org","score":64,"recordedAt":"2026-11-01T00:00:00Z","source":"gainsight"}
				{"customerSource":"test-ingest","customerExternalId":"%1$s-org","score":58,"recordedAt":"2026-11-08T00:00:00Z","source":"gainsight"}
				{"customerSource":"test-ingest","customerExternalId":"%1$s-org","score":150,"recordedAt":"2026-11-15T00:00:00Z","source":"gainsight"}
				{"customerSource":"test-ingest","customerExternalId":"%1$s-org","recordedAt":"2026-11-15T00:00:00Z","source":"gainsight"}
				"""
			.formatted(this.run);
		this.ingest.ndjson("/api/ingest/health-scores", stream)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.records[*].outcome")
			.isEqualTo(List.of("UPDATED", "CREATED", "REJECTED", "REJECTED"))
			.jsonPath("$.records[2].reason")
			.isEqualTo("health score must be between 0 and 100")
			.jsonPath("$.records[3].reason")
			.isEqualTo("score is required");

		assertThat(this.jdbc.sql("""
				select h.score from health_scores h join customers c on c.id = h.customer_id
				where c.source_system = :source and c.external_id = :id order by h.recorded_at
				""").param("source", SOURCE).param("id", this.run + "-org").query(Integer.class).list())
			.containsExactly(64, 58);
	}

}
