package io.aftercare.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.aftercare.AftercareApplication;
import io.aftercare.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener that fails leaves its event incomplete in the event publication registry,
 * visible to an admin; the next start hands the event to the listener again, it
 * completes, and the completed publication is cleaned up on schedule. Two lives of the
 * application on one database (H2, or PostgreSQL when the build runs the integration
 * tests on it).
 */
class EventRedeliveryIntegrationTests {

	private static List<String> database;

	@BeforeAll
	static void database() throws Exception {
		if ("postgres".equals(System.getProperty("aftercare.test.database"))) {
			database = TestDatabase.newDatabaseArguments();
		}
		else {
			database = List.of("--spring.datasource.url=jdbc:h2:mem:aftercare-redelivery-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
	}

	@Test
	void aFailedListenerIsHeardAgainOnRestartCompletesAndIsCleanedUp() throws Exception {
		Probed probe = new Probed(UUID.randomUUID().toString());
		FlakyListener.failing.set(true);
		try (ConfigurableApplicationContext first = start()) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			first.getBean(TransactionTemplate.class).executeWithoutResult((status) -> first.publishEvent(probe));
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(status(jdbc)).as("the failed listener's publication")
					.containsExactly("FAILED"));
			HttpResponse<String> pending = adminGet(first, "/api/admin/event-publications");
			assertThat(pending.statusCode()).isEqualTo(200);
			assertThat(pending.body()).contains(FlakyListener.class.getName()).contains(Probed.class.getName());
		}
		assertThat(FlakyListener.heard).as("heard while failing").isEmpty();

		FlakyListener.failing.set(false);
		try (ConfigurableApplicationContext second = start("--aftercare.events.every=PT1S",
				"--aftercare.events.keep-completed=PT2S", "--db-scheduler.polling-interval=1s")) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(15)).until(() -> FlakyListener.heard.contains(probe));
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(status(jdbc)).as("completed, then cleaned up").isEmpty());
		}
	}

	/** The registry's status of the probe's publications. */
	private static List<String> status(JdbcClient jdbc) {
		return jdbc.sql("select status from event_publication where listener_id like :listener")
			.param("listener", "%" + FlakyListener.class.getSimpleName() + "%")
			.query(String.class)
			.list();
	}

	private static ConfigurableApplicationContext start(String... more) {
		List<String> arguments = new ArrayList<>(database);
		arguments.addAll(List.of("--server.port=0", "--aftercare.demo.load=always",
				"--aftercare.mail.outbox=target/redelivery-outbox", "--spring.main.banner-mode=off",
				// Not the test database of the other integration tests: this one outlives
				// a context.
				"--aftercare.test.database=none"));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(AftercareApplication.class, Probing.class)
			.run(arguments.toArray(String[]::new));
	}

	private static HttpResponse<String> adminGet(ConfigurableApplicationContext app, String path)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** An event only this test publishes. */
	record Probed(String id) {
	}

	/**
	 * Registered by hand, not by component scanning: no other test's context may have
	 * this listener.
	 */
	static class Probing {

		@Bean
		FlakyListener flakyListener() {
			return new FlakyListener();
		}

	}

	static class FlakyListener {

		static final AtomicBoolean failing = new AtomicBoolean();

		static final List<Probed> heard = new CopyOnWriteArrayList<>();

		@ApplicationModuleListener
		void on(Probed probe) {
			if (failing.get()) {
				throw new IllegalStateException("failing on purpose, until the next start");
			}
			heard.add(probe);
		}

	}

}
