package io.aftercare;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.aftercare.chat.ChatSession;
import io.aftercare.shared.SqlTime;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Aftercare instances on one PostgreSQL, as behind a load balancer: a session made on
 * one works on the other, a token revoked on one is refused on the other, a reminder that
 * falls due fires once, and a follow-up sent through both at once goes out once. Each
 * instance polls for background work every second, so both race for it.
 */
class TwoInstancesTests {

	private static final Path OUTBOX = Path.of("target/two-instances-outbox");

	private static HikariDataSource database;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static JdbcClient jdbc;

	@BeforeAll
	static void startTwoInstances() throws Exception {
		FileSystemUtils.deleteRecursively(OUTBOX);
		database = TestDatabase.newDatabase();
		first = start();
		second = start();
		jdbc = JdbcClient.create(database);
	}

	@AfterAll
	static void stop() throws IOException {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { second, first }) {
			if (instance != null) {
				instance.close();
			}
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	void aSessionMadeOnOneInstanceWorksOnTheOther() throws Exception {
		ChatSession onFirst = ChatSession.signIn(port(first), "alex", "demo");
		ChatSession onSecond = onFirst.on(port(second));
		HttpResponse<String> chat = onSecond.get("/chat");
		assertThat(chat.uri().getPath()).as("not sent to sign in").isEqualTo("/chat");
		assertThat(chat.body()).contains("Alex Chen");
		// The CSRF token lives in the session too: a form posted to the other instance is
		// accepted.
		HttpResponse<String> answer = onSecond.post("/chat/messages", Map.of("text", "help"));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
	}

	@Test
	void aTokenRevokedOnOneInstanceIsRefusedOnTheOtherWithinMoments() {
		RawHttp onFirst = new RawHttp(port(first));
		RawHttp onSecond = new RawHttp(port(second));
		HttpResponse<String> created = onFirst.json("POST", "/api/tokens", "sam",
				"{\"name\":\"two instances\",\"scope\":\"read\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode token = JsonMapper.builder().build().readTree(created.body());
		String bearer = "Bearer " + token.get("token").asString();
		// Checked on the second instance, which now remembers it.
		assertThat(onSecond.send(onSecond.request("/api/reminders", null).header("Authorization", bearer).GET())
			.statusCode()).isEqualTo(200);

		HttpResponse<String> revoked = onFirst
			.send(onFirst.request("/api/tokens/" + token.get("details").get("id").asLong(), "sam").DELETE());
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
		// The notice reaches the other instance within a millisecond of the commit,
		// before
		// the revoking request's answer is back here.
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> onSecond.send(onSecond.request("/api/reminders", null).header("Authorization", bearer).GET())
				.statusCode() == 401);
	}

	@Test
	void aReminderThatFallsDueFiresOnce() {
		String note = "Call David " + System.nanoTime();
		jdbc.sql(
				"""
						insert into reminders (owner_username, customer_id, due_at, note, origin, status, created_by, created_at)
						values ('sam', 1, :due, :note, 'MANUAL', 'OPEN', 'sam', :due)
						""")
			.param("due", SqlTime.utc(Instant.now().minusSeconds(5)))
			.param("note", note)
			.update();
		await().atMost(Duration.ofSeconds(30)).until(() -> notices(note) == 1);
		// Several more rounds of both instances' checks.
		await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);
		assertThat(notices(note)).isEqualTo(1);
		assertThat(jdbc
			.sql("""
					select count(*) from event_publication where event_type like '%ReminderDue' and serialized_event like :note
					""")
			.param("note", "%" + note + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFollowUpSentThroughBothInstancesAtOnceGoesOutOnce() throws Exception {
		RawHttp onFirst = new RawHttp(port(first));
		RawHttp onSecond = new RawHttp(port(second));
		HttpResponse<String> drafted = onFirst.json("POST", "/api/customers/1/ticket-followup", "sam",
				"{\"ticketNumber\":\"TF-2024-0847\"}");
		assertThat(drafted.statusCode()).as(drafted.body()).isIn(200, 201);
		long id = JsonMapper.builder().build().readTree(drafted.body()).get("id").asLong();
		HttpResponse<String> approved = onSecond.json("POST", "/api/followups/" + id + "/approve", "sam", "{}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

		int sends = 12;
		ExecutorService pool = Executors.newFixedThreadPool(sends);
		List<Integer> statuses = new ArrayList<>();
		try {
			CountDownLatch ready = new CountDownLatch(sends);
			List<Future<Integer>> pending = new ArrayList<>();
			for (int i = 0; i < sends; i++) {
				RawHttp instance = (i % 2 == 0) ? onFirst : onSecond;
				pending.add(pool.submit((Callable<Integer>) () -> {
					ready.countDown();
					ready.await();
					return instance.json("POST", "/api/followups/" + id + "/send", "sam", "").statusCode();
				}));
			}
			for (Future<Integer> status : pending) {
				statuses.add(status.get());
			}
		}
		finally {
			pool.shutdown();
		}
		// One request queues the send and waits for it (200 once sent, 202 if the mail
		// server is slower than the wait); the others find it queued (202) or sent.
		assertThat(statuses).allMatch((status) -> status == 200 || status == 202 || status == 409);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select status from support_followups where id = :id")
				.param("id", id)
				.query(String.class)
				.single(), "SENT"::equals);
		try (Stream<Path> emails = Files.list(OUTBOX)) {
			assertThat(emails.filter((file) -> file.toString().endsWith(".eml"))).hasSize(1);
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from event_publication where event_type like '%FollowUpSent'")
				.query(Long.class)
				.single() > 0);
		assertThat(jdbc.sql("select count(*) from event_publication where event_type like '%FollowUpSent'")
			.query(Long.class)
			.list()
			.get(0)).as("announced as sent once per listener").isEqualTo(eventListeners("FollowUpSent"));
	}

	private static long eventListeners(String event) {
		return jdbc.sql("select count(distinct listener_id) from event_publication where event_type like :event")
			.param("event", "%" + event)
			.query(Long.class)
			.single();
	}

	private static long notices(String note) {
		return jdbc.sql("select count(*) from chat_messages where text like :note and reminder_id is not null")
			.param("note", "%" + note + "%")
			.query(Long.class)
			.single();
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(AftercareApplication.class).run(
				"--spring.datasource.url=" + database.getJdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--server.port=0", "--aftercare.demo.load=always",
				"--aftercare.mail.outbox=" + OUTBOX, "--spring.main.banner-mode=off",
				"--db-scheduler.polling-interval=1s", "--aftercare.reminder.fire-every=1s",
				"--aftercare.test.database=none");
	}

}
