package io.aftercare.zendesk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aftercare.AftercareApplication;
import io.aftercare.connector.DeskServers;
import io.aftercare.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of Aftercare on one database (PostgreSQL when the build runs the
 * integration tests on it, else a shared H2), both with the Zendesk sync scheduled: the
 * backfill runs on one of them at a time, so every page of the export is asked for once
 * and every ticket is stored once.
 */
class ZendeskTwoInstancesIntegrationTests {

	static final String EXPORT = "/api/v2/incremental/tickets/cursor.json";

	private static List<String> database;

	@BeforeAll
	static void database() throws Exception {
		if ("postgres".equals(System.getProperty("aftercare.test.database"))) {
			database = TestDatabase.newDatabaseArguments();
		}
		else {
			database = List.of("--spring.datasource.url=jdbc:h2:mem:aftercare-two-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
	}

	@Test
	void twoInstancesAskForEachPageOnceAndStoreEachTicketOnce() {
		WireMockServer zendesk = DeskServers.server();
		zendesk.resetAll();
		// Slow pages: the backfill is still running when the second instance comes up.
		zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("start_time", matching("\\d+"))
			.willReturn(okJson(page(1, "c1", false)).withFixedDelay(2500)));
		for (int n = 2; n <= 4; n++) {
			zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c" + (n - 1)))
				.willReturn(okJson(page(n, "c" + n, n == 4)).withFixedDelay(2500)));
		}
		zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c4"))
			.willReturn(okJson("{\"tickets\":[],\"after_cursor\":\"c4\",\"end_of_stream\":true}")));

		try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> "CATCH_UP".equals(jdbc.sql("select phase from sync_cursors where name = 'zendesk-tickets'")
					.query(String.class)
					.optional()
					.orElse(null)));

			zendesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("start_time", matching("\\d+")));
			for (int n = 1; n <= 3; n++) {
				zendesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c" + n)));
			}
			assertThat(
					jdbc.sql("select count(*) from tickets where source_system = 'zendesk'").query(Long.class).single())
				.isEqualTo(12);
			assertThat(second.getBean(JdbcClient.class)
				.sql("select pages from sync_cursors where name = 'zendesk-tickets'")
				.query(Long.class)
				.single()).isGreaterThanOrEqualTo(4);
		}
	}

	static String page(int number, String afterCursor, boolean endOfStream) {
		List<String> tickets = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			long id = 500_000L + number * 10L + i;
			tickets.add("""
					{"id":%d,"subject":"Ticket %d","status":"open","priority":"normal","requester_id":null,
					 "organization_id":4242,"tags":[],"created_at":"2026-01-0%dT08:00:00Z",
					 "updated_at":"2026-01-0%dT09:00:00Z"}""".formatted(id, id, number, number));
		}
		return """
				{"tickets":[%s],"users":[],"organizations":[{"id":4242,"name":"Fabrikam"}],"metric_sets":[],
				 "after_url":"https://acme.zendesk.com/api/v2/incremental/tickets/cursor.json?cursor=%s",
				 "after_cursor":"%s","before_url":null,"before_cursor":null,"end_of_stream":%s}"""
			.formatted(String.join(",", tickets), afterCursor, afterCursor, endOfStream);
	}

	private static ConfigurableApplicationContext start() {
		List<String> arguments = new ArrayList<>(database);
		arguments.addAll(List.of("--server.port=0", "--aftercare.demo.load=never", "--spring.main.banner-mode=off",
				"--aftercare.test.database=none", "--aftercare.mail.outbox=target/two-instances-outbox",
				"--aftercare.zendesk.base-url=" + DeskServers.zendeskUrl(), "--aftercare.zendesk.email=a@acme.example",
				"--aftercare.zendesk.api-token=token", "--aftercare.zendesk.export-requests-per-minute=0",
				"--aftercare.zendesk.poll-every=PT1S", "--db-scheduler.polling-interval=1s",
				"--db-scheduler.heartbeat-interval=2s"));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AftercareApplication.class)
			.run(arguments.toArray(String[]::new));
		// The organization's customer, so that its tickets land (the second start finds
		// it).
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		jdbc.sql("""
				insert into customers (source_system, external_id, name, tier, created_at, updated_at)
				values ('zendesk', '4242', 'Fabrikam', 'SMB', current_timestamp, current_timestamp)
				on conflict do nothing
				""").update();
		return context;
	}

}
