package io.aftercare.zendesk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import io.aftercare.AftercareApplication;
import io.aftercare.TestDatabase;
import io.aftercare.connector.DeskServers;
import io.aftercare.connector.DeskSigning;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
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
 * integration tests on it, else a shared H2): with the Zendesk sync scheduled on both,
 * the backfill runs on one of them at a time, so every page of the export is asked for
 * once and every ticket is stored once; an instance that only receives webhooks leaves
 * their processing to the other.
 */
class ZendeskTwoInstancesIntegrationTests {

	static final String EXPORT = "/api/v2/incremental/tickets/cursor.json";

	private List<String> database;

	@BeforeEach
	void database() throws Exception {
		if ("postgres".equals(System.getProperty("aftercare.test.database"))) {
			this.database = TestDatabase.newDatabaseArguments();
		}
		else {
			this.database = List.of("--spring.datasource.url=jdbc:h2:mem:aftercare-two-" + UUID.randomUUID()
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

		try (ConfigurableApplicationContext first = startSyncing();
				ConfigurableApplicationContext second = startSyncing()) {
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

	@Test
	void anInstanceThatOnlyReceivesLeavesTheWebhooksToTheWorkers() throws Exception {
		try (ConfigurableApplicationContext receiver = startForWebhooks(false)) {
			JdbcClient jdbc = receiver.getBean(JdbcClient.class);
			String body = ZendeskWebhookIntegrationTests.statusChanged(UUID.randomUUID().toString(), "880001", "4242",
					"OPEN", "SOLVED", Instant.now());
			assertThat(post(receiver, body).statusCode()).isEqualTo(200);
			// Its scheduler looks every second and a receipt would wake its own worker:
			// three seconds later, either would have processed the webhook.
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(5))
				.until(() -> "RECEIVED".equals(inboxStatus(jdbc)) && ticketStatus(jdbc) == null);
			assertThat(receiver.getBean(DbSchedulerProperties.class).getDeleteUnresolvedAfter())
				.as("the workers' task, unknown here, is never deleted by this instance")
				.isGreaterThan(Duration.ofDays(3650));
			MeterRegistry metrics = receiver.getBean(MeterRegistry.class);
			assertThat(metrics.get("aftercare.webhooks.waiting").gauge().value()).isEqualTo(1);
			assertThat(metrics.get("aftercare.webhooks.lag").gauge().value()).isGreaterThanOrEqualTo(3);

			try (ConfigurableApplicationContext worker = startForWebhooks(true)) {
				await().atMost(Duration.ofSeconds(20)).until(() -> "PROCESSED".equals(inboxStatus(jdbc)));
				assertThat(ticketStatus(jdbc)).isEqualTo("SOLVED");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> metrics.get("aftercare.webhooks.waiting").gauge().value() == 0);
				assertThat(metrics.get("aftercare.webhooks.lag").gauge().value()).isZero();
			}
		}
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext instance, String body) throws Exception {
		String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		URI uri = URI.create(
				"http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port") + "/webhooks/zendesk");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/json")
				.header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
				.header("X-Zendesk-Webhook-Signature", DeskSigning.zendesk(DeskSigning.ZENDESK_SECRET, timestamp, body))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String inboxStatus(JdbcClient jdbc) {
		return jdbc.sql("select status from webhook_inbox where source = 'zendesk'").query(String.class).single();
	}

	private static String ticketStatus(JdbcClient jdbc) {
		return jdbc.sql("select status from tickets where source_system = 'zendesk' and external_id = '880001'")
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private ConfigurableApplicationContext startSyncing() {
		return start("--aftercare.zendesk.base-url=" + DeskServers.zendeskUrl(),
				"--aftercare.zendesk.email=a@acme.example", "--aftercare.zendesk.api-token=token",
				"--aftercare.zendesk.export-requests-per-minute=0", "--aftercare.zendesk.poll-every=PT1S");
	}

	private ConfigurableApplicationContext startForWebhooks(boolean worker) {
		return start("--aftercare.zendesk.signing-secret=" + DeskSigning.ZENDESK_SECRET,
				"--aftercare.connectors.inbox-worker=" + worker, "--aftercare.connectors.inbox-every=PT1S");
	}

	private ConfigurableApplicationContext start(String... more) {
		List<String> arguments = new ArrayList<>(this.database);
		arguments.addAll(List.of("--server.port=0", "--aftercare.demo.load=never", "--spring.main.banner-mode=off",
				"--aftercare.test.database=none", "--aftercare.mail.outbox=target/two-instances-outbox",
				"--db-scheduler.polling-interval=1s", "--db-scheduler.heartbeat-interval=2s"));
		arguments.addAll(List.of(more));
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
