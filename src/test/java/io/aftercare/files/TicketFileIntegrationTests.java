package io.aftercare.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.aftercare.connector.ConnectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ticket files through the API and the command line, into the demo workspace.
 */
@ConnectorIntegrationTest
class TicketFileIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	ResponseSpec upload(String type, String body, String query) {
		return this.http.post()
			.uri("/api/ingest/files/tickets" + query)
			.headers((h) -> h.setBasicAuth("admin", "demo"))
			.contentType(MediaType.parseMediaType(type))
			.body(body)
			.exchange();
	}

	String customerOf(String source, String externalId) {
		return this.jdbc.sql("""
				select c.external_id from tickets t join customers c on c.id = t.customer_id
				where t.source_system = :source and t.external_id = :id
				""").param("source", source).param("id", externalId).query(String.class).optional().orElse(null);
	}

	@Test
	void theSampleFileLandsItsNamedAndMatchedTicketsAndHoldsTheUnmatchedOne() throws IOException {
		String sample = Files.readString(Path.of("docs/samples/tickets.csv"));

		upload("text/csv", sample, "").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rows")
			.isEqualTo(3)
			.jsonPath("$.unreadable")
			.isEqualTo(0)
			.jsonPath("$.stored.held")
			.isEqualTo(1);

		assertThat(customerOf("freshdesk", "FD-1042")).as("named outright").isEqualTo("techflow");
		assertThat(customerOf("freshdesk", "FD-1043")).as("by the requester's email domain").isEqualTo("acme");
		assertThat(customerOf("freshdesk", "FD-1044")).as("held: no customer is Hooli").isNull();
		assertThat(this.jdbc
			.sql("select description from tickets where source_system = 'freshdesk' and external_id = 'FD-1043'")
			.query(String.class)
			.single()).isEqualTo("The October invoice used 19% instead of 7%.\nPlease correct it before our audit.");
		assertThat(this.jdbc.sql("""
				select count(*) from desk_accounts a join held_records h on h.account_id = a.id
				where a.source = 'freshdesk' and a.account_key = 'org:org-731' and a.name = 'Hooli'
				""").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void reportsUnreadableRowsByLineAndStoresTheirNeighbours() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String csv = """
				externalId,customerSource,customerExternalId,subject,priority,status,openedAt,resolvedAt
				%1$s-1,demo,techflow,Export slow,normal,open,2026-10-01T09:00:00Z,
				%1$s-2,demo,techflow,,normal,open,2026-10-01T09:00:00Z,
				%1$s-3,demo,techflow,Export failed,normal,solved,yesterday,
				%1$s-4,demo,techflow,Export fixed,urgent,solved,2026-10-01T09:00:00Z,2026-10-02T09:00:00Z
				""".formatted(run);

		upload("text/csv", csv, "?source=legacy-desk&backfill=false").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rows")
			.isEqualTo(4)
			.jsonPath("$.stored.created")
			.isEqualTo(2)
			.jsonPath("$.stored.rejected")
			.isEqualTo(1)
			.jsonPath("$.stored.rejections[0]")
			.value(String.class, (reason) -> assertThat(reason).contains(run + "-2").contains("subject is required"))
			.jsonPath("$.unreadableRows[0]")
			.value(String.class, (row) -> assertThat(row).startsWith("line 4: openedAt 'yesterday' is not a time"));
		assertThat(this.jdbc
			.sql("""
					select count(*) from event_publication where event_type like '%TicketResolved'
					and listener_id like '%AuditTrail%' and serialized_event like :number and serialized_event like '%"backfill":false%'
					""")
			.param("number", "%\"ticketNumber\":\"" + run + "-4\"%")
			.query(Long.class)
			.single()).as("a file sent as news announces its resolutions as news").isEqualTo(1);
	}

	@Test
	void holdsOnlyTicketsThatCanLandSoTheirAccountCanAlwaysBeMapped() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String longName = "Initech " + "n".repeat(300);
		String csv = """
				externalId,subject,status,openedAt,resolvedAt,organizationId,organizationName
				%1$s-1,Export slow,solved,2026-11-20T00:00:00Z,2026-11-28T00:00:00Z,org-%1$s,%2$s
				%1$s-2,Export slow,solved,0001-01-01T00:00:00Z,2026-11-28T00:00:00Z,org-%1$s,%2$s
				%3$s,Export slow,solved,2026-11-20T00:00:00Z,2026-11-28T00:00:00Z,org-%1$s,%2$s
				%1$s-4,Export slow,solved,2026-11-20T00:00:00Z,2026-11-28T00:00:00Z,%4$s,Initech
				""".formatted(run, longName, run + "e".repeat(200), "o".repeat(129));

		upload("text/csv", csv, "?source=legacy-desk").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.stored.held")
			.isEqualTo(1)
			.jsonPath("$.stored.rejected")
			.isEqualTo(2)
			.jsonPath("$.stored.rejections[0]")
			.value(String.class,
					(reason) -> assertThat(reason).contains(run + "-2")
						.contains("openedAt must be between 1900-01-01 and 9999-12-31"))
			.jsonPath("$.stored.rejections[1]")
			.value(String.class, (reason) -> assertThat(reason).contains("longer than 128 characters"))
			.jsonPath("$.unreadableRows[0]")
			.value(String.class, (row) -> assertThat(row).startsWith("line 5: organization id is longer than 128"));
		long account = this.jdbc.sql("select id from desk_accounts where source = 'legacy-desk' and account_key = :key")
			.param("key", "org:org-" + run)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select name from desk_accounts where id = :id")
			.param("id", account)
			.query(String.class)
			.single()).as("a desk's over-long name is cut, not refused")
			.hasSize(200)
			.startsWith("Initech ")
			.endsWith("…");
		// One held before tickets were checked first, which can never be read back.
		this.jdbc.sql("""
				insert into held_records (account_id, record_key, payload, backfill, held_at)
				values (:account, :key, '{"ticket":{"openedAt":"0001-01-01T00:00:00Z"}}', false, current_timestamp)
				""").param("account", account).param("key", "legacy-desk:" + run + "-old").update();
		long techflow = this.jdbc.sql("select id from customers where external_id = 'techflow'")
			.query(Long.class)
			.single();

		this.http.post()
			.uri("/api/admin/connectors/unmatched/{id}/mapping", account)
			.headers((h) -> h.setBasicAuth("admin", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("customerId", techflow))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.created")
			.isEqualTo(1)
			.jsonPath("$.rejected")
			.isEqualTo(1)
			.jsonPath("$.rejections[0]")
			.value(String.class, (reason) -> assertThat(reason).startsWith("held ticket "));
		assertThat(customerOf("legacy-desk", run + "-1")).isEqualTo("techflow");
		assertThat(this.jdbc.sql("select count(*) from held_records where account_id = :id")
			.param("id", account)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesUnknownColumnsAndCsmsWithAProblem() {
		upload("text/csv", "externalId,subject,colour\n1,Hi,blue\n", "").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("[colour]"));
		this.http.post()
			.uri("/api/ingest/files/tickets")
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.contentType(MediaType.parseMediaType("text/csv"))
			.body("externalId\n1\n")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void importsAJsonArrayOfTheSameFields() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String json = """
				[{"externalId":"%1$s-j1","customerSource":"demo","customerExternalId":"techflow","subject":"Login loop",
				  "priority":"high","status":"solved","openedAt":"2026-10-01T09:00:00Z",
				  "resolvedAt":"2026-10-01T12:00:00Z","tags":["sso","login"],"reopenCount":1}]""".formatted(run);

		upload("application/json", json, "").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.stored.created")
			.isEqualTo(1);

		Map<String, Object> row = this.jdbc
			.sql("select reopen_count, priority from tickets where source_system = 'file' and external_id = :id")
			.param("id", run + "-j1")
			.query()
			.singleRow();
		assertThat(row).containsEntry("reopen_count", 1).containsEntry("priority", "HIGH");
	}

	@Test
	void theCommandLineStreamsAFileWithAProgressBarAndPrintsTheReport(@TempDir Path folder) throws IOException {
		String run = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder("externalId,customerSource,customerExternalId,subject,status,openedAt\n");
		for (int i = 0; i < 1200; i++) {
			csv.append(run)
				.append("-c")
				.append(i)
				.append(",demo,techflow,Ticket ")
				.append(i)
				.append(",open,2026-10-01T09:00:00Z\n");
		}
		Path file = folder.resolve("tickets.csv");
		Files.writeString(file, csv);
		ByteArrayOutputStream printed = new ByteArrayOutputStream();

		int exit = ImportCommand.run(
				new String[] { file.toString(), "--url=http://localhost:" + this.port, "--user=admin", "--source=cli" },
				Map.of("AFTERCARE_IMPORT_PASSWORD", "demo"), new PrintStream(printed, true, StandardCharsets.UTF_8));

		String output = printed.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(output).isZero();
		assertThat(output).contains("[##############################] 100%").contains("\"rows\":1200");
		assertThat(this.jdbc.sql("select count(*) from tickets where source_system = 'cli' and external_id like :run")
			.param("run", run + "-c%")
			.query(Long.class)
			.single()).isEqualTo(1200);
	}

}
