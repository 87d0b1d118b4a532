package io.aftercare.ingestion.web;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.CsmDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.aftercare.ingestion.web.IngestClient.SOURCE;
import static io.aftercare.ingestion.web.IngestClient.customer;
import static org.assertj.core.api.Assertions.assertThat;

@AftercareIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CustomerIngestionIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	CsmDirectory csms;

	@Autowired
	JdbcClient jdbc;

	IngestClient ingest;

	String run;

	@BeforeEach
	void signInAsAdmin() {
		this.ingest = new IngestClient(this.http, this.csms);
		this.run = IngestClient.run();
	}

	@Test
	void createsASingleCustomerAndFindsItUnchangedTheSecondTime() {
		String body = """
				{"source":"Test-Ingest","externalId":"%s-1","name":"TechFlow","tier":"enterprise","arr":180000,
				 "employees":450,"renewalDate":"2027-03-31","owner":"%s","atRisk":true}""".formatted(this.run,
				IngestClient.CSM);
		AtomicReference<Integer> id = new AtomicReference<>();
		this.ingest.json("/api/ingest/customers", body)
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("CREATED")
			.jsonPath("$.key")
			.isEqualTo(SOURCE + ":" + this.run + "-1")
			.jsonPath("$.index")
			.isEqualTo(0)
			.jsonPath("$.reason")
			.doesNotExist()
			.jsonPath("$.id")
			.value(Integer.class, id::set);

		Map<String, Object> row = this.jdbc
			.sql("select id, name, tier, arr, owner_username, at_risk from customers "
					+ "where source_system = :source and external_id = :id")
			.param("source", SOURCE)
			.param("id", this.run + "-1")
			.query()
			.singleRow();
		assertThat(((Number) row.get("id")).intValue()).isEqualTo(id.get());
		assertThat(row.get("name")).isEqualTo("TechFlow");
		assertThat(row.get("tier")).isEqualTo("ENTERPRISE");
		assertThat((BigDecimal) row.get("arr")).isEqualByComparingTo("180000");
		assertThat(row.get("owner_username")).isEqualTo(IngestClient.CSM);
		assertThat(row.get("at_risk")).isEqualTo(true);

		// Read back through the customer API, as the CSM who owns it sees it.
		this.http.get()
			.uri("/api/customers/" + id.get())
			.headers((h) -> h.setBasicAuth(IngestClient.CSM, IngestClient.PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.renewalDate")
			.isEqualTo("2027-03-31")
			.jsonPath("$.employees")
			.isEqualTo(450);

		// The stored record, renewal date included, reads back equal to what was sent.
		this.ingest.json("/api/ingest/customers", body)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("UNCHANGED")
			.jsonPath("$.id")
			.isEqualTo(id.get());
	}

	@Test
	void updatesACustomerWhoseDetailsChanged() {
		this.ingest.json("/api/ingest/customers", customer(this.run + "-1", "Northwind")).expectStatus().isCreated();

		this.ingest
			.json("/api/ingest/customers",
					customer(this.run + "-1", "Northwind").replace("\"arr\":180000", "\"arr\":250000"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("UPDATED");

		assertThat(this.jdbc.sql("select arr from customers where source_system = :source and external_id = :id")
			.param("source", SOURCE)
			.param("id", this.run + "-1")
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("250000");
	}

	@Test
	void rejectsInvalidRecordsAloneAndStoresTheirNeighbours() {
		String batch = "[" + customer(this.run + "-1", "Acme") + "," + """
				{"source":"test-ingest","externalId":"%s-2","tier":"SMB"}""".formatted(this.run) + ","
				+ customer(this.run + "-3", "Globex").replace("\"employees\":450", "\"employees\":\"many\"") + ","
				+ customer(this.run + "-4", "Initech").replace("ENTERPRISE", "PLATINUM") + ","
				+ customer(this.run + "-5", "Umbrella").replace("ENTERPRISE", "Mid-market") + "]";

		this.ingest.json("/api/ingest/customers", batch)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.received")
			.isEqualTo(5)
			.jsonPath("$.created")
			.isEqualTo(2)
			.jsonPath("$.rejected")
			.isEqualTo(3)
			.jsonPath("$.records.length()")
			.isEqualTo(5)
			.jsonPath("$.records[0].outcome")
			.isEqualTo("CREATED")
			.jsonPath("$.records[1].outcome")
			.isEqualTo("REJECTED")
			.jsonPath("$.records[1].key")
			.isEqualTo(SOURCE + ":" + this.run + "-2")
			.jsonPath("$.records[1].reason")
			.isEqualTo("name is required")
			.jsonPath("$.records[1].id")
			.doesNotExist()
			.jsonPath("$.records[2].reason")
			.isEqualTo("employees: cannot read 'many' as a whole number")
			.jsonPath("$.records[3].reason")
			.isEqualTo("tier 'PLATINUM' is not one of SMB, MID_MARKET, ENTERPRISE, STRATEGIC")
			.jsonPath("$.records[4].outcome")
			.isEqualTo("CREATED");

		assertThat(this.jdbc
			.sql("select external_id || '=' || tier from customers where source_system = :source "
					+ "and external_id like :run order by external_id")
			.param("source", SOURCE)
			.param("run", this.run + "-%")
			.query(String.class)
			.list()).containsExactly(this.run + "-1=ENTERPRISE", this.run + "-5=MID_MARKET");
	}

	@Test
	void sendingTheSameBatchTwiceChangesNothing() {
		String batch = "[" + customer(this.run + "-1", "Acme") + "," + customer(this.run + "-2", "Globex") + ","
				+ customer(this.run + "-3", "Initech") + "]";
		this.ingest.json("/api/ingest/customers", batch)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.created")
			.isEqualTo(3);
		long rows = countRun();

		this.ingest.json("/api/ingest/customers", batch)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.received")
			.isEqualTo(3)
			.jsonPath("$.unchanged")
			.isEqualTo(3)
			.jsonPath("$.created")
			.isEqualTo(0)
			.jsonPath("$.updated")
			.isEqualTo(0)
			.jsonPath("$.records[*].outcome")
			.isEqualTo(java.util.List.of("UNCHANGED", "UNCHANGED", "UNCHANGED"));

		assertThat(rows).isEqualTo(3);
		assertThat(countRun()).isEqualTo(rows);
	}

	@Test
	void rejectsASingleInvalidCustomerAsUnprocessable() {
		this.ingest
			.json("/api/ingest/customers",
					"""
							{"source":"test-ingest","externalId":"%s-1","name":"Acme","tier":"SMB","owner":"nobody-here"}"""
						.formatted(this.run))
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(422)
			.jsonPath("$.detail")
			.isEqualTo("owner 'nobody-here' is not a known CSM")
			.jsonPath("$.key")
			.isEqualTo(SOURCE + ":" + this.run + "-1");
		assertThat(countRun()).isZero();
	}

	@Test
	void rejectsARecordWithTextThatCannotBeStoredAndKeepsItsNeighbours() {
		String batch = "[" + customer(this.run + "-1", "Acme") + "," + customer(this.run + "-2", "Glo\\u0000bex") + ","
				+ customer(this.run + "-3", "Initech \\ud800") + "," + customer(this.run + "-4", "Umbrella") + "]";
		this.ingest.json("/api/ingest/customers", batch)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.created")
			.isEqualTo(2)
			.jsonPath("$.rejected")
			.isEqualTo(2)
			.jsonPath("$.records[1].reason")
			.isEqualTo("name: contains a NUL character (U+0000), which cannot be stored")
			.jsonPath("$.records[2].reason")
			.isEqualTo("name: contains a broken character (a lone UTF-16 surrogate), which cannot be stored");
		assertThat(countRun()).isEqualTo(2);
	}

	@Test
	void saysWhatIsWrongWithAnAmountWithoutJacksonsWords() {
		this.ingest
			.json("/api/ingest/customers", customer(this.run + "-1", "Acme").replace("\"arr\":180000", "\"arr\":1e400"))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("arr is larger than 999,999,999,999.99");
		assertThat(countRun()).isZero();
	}

	@Test
	void answersAnEmptyArrayWithAnEmptyReport() {
		this.ingest.json("/api/ingest/customers", " [ ] ").expectStatus().isOk().expectBody().json("""
				{"received":0,"created":0,"updated":0,"unchanged":0,"rejected":0,"records":[],
				 "recordsComplete":true,"recordsOmitted":0}""");
	}

	@Test
	void answersABodyThatIsNotJsonWithABadRequestProblem() {
		for (String body : new String[] { "this is not json", "{\"source\":\"test-ingest\",\"externalId\":",
				"\"just a string\"", "", "{\"name\":\"a\"} {\"name\":\"b\"}" }) {
			this.ingest.json("/api/ingest/customers", body)
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(400)
				.jsonPath("$.title")
				.isEqualTo("Malformed body")
				.jsonPath("$.detail")
				.isNotEmpty();
		}
	}

	@Test
	void keepsTheRecordsBeforeABreakInAShortArrayAndSaysWhich() {
		String broken = "[" + customer(this.run + "-1", "Acme") + "," + customer(this.run + "-2", "Globex")
				+ ",{\"source\":\"test-ingest\",";
		this.ingest.json("/api/ingest/customers", broken)
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class,
					(detail) -> assertThat(detail).startsWith("The body is not valid JSON at line")
						.contains("The 2 records before the break (indexes 0 to 1) were processed")
						.contains("nothing after them was read"))
			.jsonPath("$.report.received")
			.isEqualTo(2)
			.jsonPath("$.report.created")
			.isEqualTo(2)
			.jsonPath("$.report.records[1].key")
			.isEqualTo(SOURCE + ":" + this.run + "-2");
		assertThat(countRun()).isEqualTo(2);
	}

	@Test
	void keepsEveryRecordBeforeABreakInALongArrayAndSaysWhich() {
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < 600; i++) {
			batch.append(customer(this.run + "-" + i, "Customer " + i)).append(',');
		}
		batch.append("{\"source\":");
		this.ingest.json("/api/ingest/customers", batch.toString())
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.report.received")
			.isEqualTo(600)
			.jsonPath("$.report.created")
			.isEqualTo(600)
			.jsonPath("$.report.records.length()")
			.isEqualTo(600)
			.jsonPath("$.detail")
			.value(String.class,
					(detail) -> assertThat(detail).contains("The 600 records before the break (indexes 0 to 599)"));
		assertThat(countRun()).isEqualTo(600);
	}

	@Test
	void storesNothingOfAnArrayThatBreaksBeforeItsFirstRecord() {
		this.ingest.json("/api/ingest/customers", "[{\"source\":\"test-ingest\",\"externalId\":\"" + this.run + "\",")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class,
					(detail) -> assertThat(detail).startsWith("The body is not valid JSON at line")
						.contains("Nothing was stored"))
			.jsonPath("$.report.received")
			.isEqualTo(0);
		assertThat(countRun()).isZero();
	}

	@Test
	void readsCustomersFromNdjsonSkippingBlankLines() {
		String stream = customer(this.run + "-1", "Acme").replace("\n", "") + "\r\n\n  \n"
				+ customer(this.run + "-2", "Globex").replace("\n", "") + "\n";
		this.ingest.ndjson("/api/ingest/customers", stream)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.received")
			.isEqualTo(2)
			.jsonPath("$.created")
			.isEqualTo(2)
			.jsonPath("$.records[1].index")
			.isEqualTo(1)
			.jsonPath("$.records[1].key")
			.isEqualTo(SOURCE + ":" + this.run + "-2");
		assertThat(countRun()).isEqualTo(2);
	}

	@Test
	void logsCountsButNoCustomerData(CapturedOutput output) {
		this.ingest.json("/api/ingest/customers", "[" + customer(this.run + "-1", "Secretive Corp " + this.run) + "]")
			.expectStatus()
			.isOk();
		assertThat(output).contains("Ingested customers: 1 received, 1 created, 0 updated, 0 unchanged, 0 rejected")
			.doesNotContain("Secretive Corp " + this.run)
			.doesNotContain(this.run + "-1");
	}

	private long countRun() {
		return this.jdbc.sql("select count(*) from customers where source_system = :source and external_id like :run")
			.param("source", SOURCE)
			.param("run", this.run + "-%")
			.query(Long.class)
			.single();
	}

}
