package io.aftercare.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.aftercare.AftercareApplication;
import io.aftercare.connector.DeskAccount;
import io.aftercare.connector.DeskFeed;
import io.aftercare.connector.DeskPerson;
import io.aftercare.connector.DeskTicket;
import io.aftercare.connector.FeedReport;
import io.aftercare.ingestion.IncomingTicket;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The connectors' benchmark: signed Zendesk event webhooks of about 1 KB, on loopback, at
 * 64 connections for 60 s into Aftercare on PostgreSQL, every acknowledged event then
 * checked stored exactly once, beside a bare Spring Boot endpoint doing one JDBC insert
 * per POST (the reference, {@link BareInsertApp}) measured in the same run on the same
 * PostgreSQL; how fast the worker drains what was received; and the bulk rate of a
 * backfill's path (matching and ingestion) for 1,000,000 generated tickets. Prints
 * Markdown; {@code docs/performance.md} keeps the figures. Not a test: run it on purpose
 * (the command is in that document). Settings: {@code -Dbench.seconds=60
 * -Dbench.connections=64 -Dbench.tickets=1000000}; {@code -Dbench.bulkOnly=true} runs the
 * bulk part alone; {@code -Dbench.split=true} takes the webhooks on an instance that only
 * receives ({@code aftercare.connectors.inbox-worker=false}) and drains them with a
 * second instance started once the load ends, as a production set-up with receivers and
 * workers apart would, each measured without the other competing for the cores.
 */
public final class WebhookRun {

	static final String SECRET = "bench-signing-secret";

	static final String ORG = "424242";

	private WebhookRun() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = Integer.getInteger("bench.seconds", 60);
		int connections = Integer.getInteger("bench.connections", 64);
		int tickets = Integer.getInteger("bench.tickets", 1_000_000);
		System.out.printf("# Connector benchmark: %d connections, %d s, %,d tickets%n%n", connections, seconds,
				tickets);
		System.out.printf("Java %s, %d processors, max heap %d MB%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		boolean split = Boolean.getBoolean("bench.split");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			.start();
				// Aftercare first: Flyway migrates an empty schema only.
				ConfigurableApplicationContext aftercare = startAftercare(postgres, "--aftercare.demo.load=always",
						"--aftercare.connectors.inbox-worker=" + !split);
				ConfigurableApplicationContext reference = startReference(postgres)) {
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			System.out.println(jdbc.sql("select version()").query(String.class).single());
			QueryStats stats = new QueryStats(jdbc);
			stats.enable();
			jdbc.sql(
					"""
							insert into customers (source_system, external_id, name, tier, owner_username, created_at, updated_at)
							values ('zendesk', :org, 'Bench Corp', 'ENTERPRISE', 'sam', now(), now())
							""")
				.param("org", ORG)
				.update();
			URI referenceUri = URI.create("http://127.0.0.1:" + port(reference) + "/events");
			URI webhookUri = URI.create("http://127.0.0.1:" + port(aftercare) + "/webhooks/zendesk");

			if (Boolean.getBoolean("bench.bulkOnly")) {
				// As the full run, which analyzes after its warm-up: a table
				// PostgreSQL never analyzed is scanned by every lookup until
				// autovacuum's first pass.
				jdbc.sql("vacuum analyze").update();
				bulk(aftercare.getBean(DeskFeed.class), tickets);
				scans(jdbc);
				return;
			}
			System.out.println("\n## Warm-up (10 s each)\n");
			System.out.println(Result.HEADER);
			System.out.println(drive("reference", referenceUri, connections, Duration.ofSeconds(10)).row());
			System.out.println(drive("aftercare", webhookUri, connections, Duration.ofSeconds(10)).row());
			// The warm-up's webhooks are processed in either set-up, so that the tables
			// hold tickets and tags when they are analyzed below.
			try (ConfigurableApplicationContext warmUpWorker = split
					? startAftercare(postgres, "--aftercare.demo.load=never") : null) {
				awaitDrained(jdbc, Duration.ofMinutes(10));
			}
			jdbc.sql("delete from bare_events").update();
			jdbc.sql("delete from webhook_inbox").update();
			jdbc.sql("vacuum analyze").update();

			System.out.printf("%n## Measured (%d s each)%n%n", seconds);
			System.out.println(Result.HEADER);
			Result bare = drive("reference: bare Boot, one insert", referenceUri, connections,
					Duration.ofSeconds(seconds));
			System.out.println(bare.row());
			Instant loadStarted = Instant.now();
			Result webhooks = drive("Aftercare: signed Zendesk webhooks", webhookUri, connections,
					Duration.ofSeconds(seconds));
			Instant loadEnded = Instant.now();
			System.out.println(webhooks.row());
			System.out.printf("%nAftercare / reference: %.0f%% of the reference's rate%n",
					100 * webhooks.rate() / bare.rate());

			System.out.println("\n## Stored exactly once\n");
			long bareRows = jdbc.sql("select count(*) from bare_events").query(Long.class).single();
			System.out.printf("reference: %,d acknowledged, %,d rows%n", bare.acknowledged().size(), bareRows);
			Set<String> stored = new HashSet<>(
					jdbc.sql("select event_id from webhook_inbox where source = 'zendesk'").query(String.class).list());
			long rows = jdbc.sql("select count(*) from webhook_inbox where source = 'zendesk'")
				.query(Long.class)
				.single();
			long missing = webhooks.acknowledged().stream().filter((id) -> !stored.contains(id)).count();
			System.out.printf(
					"Aftercare: %,d acknowledged, %,d rows, %,d distinct event ids, %,d acknowledged but "
							+ "missing, %,d stored but not acknowledged%n",
					webhooks.acknowledged().size(), rows, stored.size(), missing,
					stored.size() - (webhooks.acknowledged().size() - missing));

			System.out.println("\n## The worker\n");
			stats.reset();
			Duration drainTook;
			long workerStarted = System.nanoTime();
			try (ConfigurableApplicationContext worker = split ? startAftercare(postgres, "--aftercare.demo.load=never")
					: null) {
				if (split) {
					System.out.printf("a worker instance started in %.1f s, after the load%n",
							(System.nanoTime() - workerStarted) / 1e9);
				}
				drainTook = awaitDrained(jdbc, Duration.ofMinutes(20));
			}
			long duringLoad = jdbc.sql("""
					select count(*) from webhook_inbox where status <> 'RECEIVED' and processed_at <= :end
					""").param("end", java.sql.Timestamp.from(loadEnded)).query(Long.class).single();
			var span = jdbc.sql("""
					select extract(epoch from max(processed_at) - min(received_at)) as seconds, count(*) as n,
					    count(*) filter (where status = 'FAILED') as failed
					from webhook_inbox where source = 'zendesk'
					""").query().singleRow();
			double drainSeconds = ((Number) span.get("seconds")).doubleValue();
			long processed = ((Number) span.get("n")).longValue();
			System.out.printf("received %,d in %.1f s (%.0f/s); processed %,d during the load (%.0f/s); all %,d "
					+ "processed %.1f s after the load ended, %.0f/s from first receipt to last processed; %s failed%n",
					rows, webhooks.elapsed().toMillis() / 1000.0, webhooks.rate(), duringLoad,
					duringLoad / (Duration.between(loadStarted, loadEnded).toMillis() / 1000.0), processed,
					drainTook.toMillis() / 1000.0, processed / drainSeconds, span.get("failed"));
			System.out.printf("tickets now stored for the bench customer: %,d%n", jdbc.sql("""
					select count(*) from tickets t join customers c on c.id = t.customer_id where c.external_id = :org
					""").param("org", ORG).query(Long.class).single());
			// Only the drain's: the statistics were reset when the load ended.
			System.out.println("\n### Where the drain's database time went (calls per event drained)\n");
			System.out.println(QueryStats.Statement.TABLE_HEADER);
			int drained = (int) Math.max(1, processed - duringLoad);
			stats.top(15).forEach((statement) -> System.out.println(statement.row(drained)));

			bulk(aftercare.getBean(DeskFeed.class), tickets);
			scans(jdbc);
		}
	}

	private static ConfigurableApplicationContext startReference(EmbeddedPostgres postgres) {
		return new SpringApplicationBuilder(BareInsertApp.class).run(database(postgres, "--server.address=127.0.0.1",
				"--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
	}

	private static ConfigurableApplicationContext startAftercare(EmbeddedPostgres postgres, String... more) {
		List<String> arguments = new ArrayList<>(
				List.of("--server.address=127.0.0.1", "--server.port=0", "--aftercare.mail.outbox=target/bench-outbox",
						"--spring.main.banner-mode=off", "--aftercare.zendesk.signing-secret=" + SECRET,
						"--logging.level.root=WARN", "--logging.level.io.aftercare=WARN"));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(AftercareApplication.class)
			.run(database(postgres, arguments.toArray(String[]::new)));
	}

	private static String[] database(EmbeddedPostgres postgres, String... more) {
		List<String> args = new ArrayList<>(
				List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres", "--spring.datasource.password="));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

	private static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
	}

	/** Waits until the inbox has nothing left to process; returns how long that took. */
	private static Duration awaitDrained(JdbcClient jdbc, Duration atMost) throws InterruptedException {
		long started = System.nanoTime();
		// Asked once a second, and only whether any is left: counting a large inbox over
		// and over would take from the worker what it measures.
		while (jdbc.sql("select count(*) from (select 1 from webhook_inbox where status = 'RECEIVED' limit 1) t")
			.query(Long.class)
			.single() > 0) {
			if (System.nanoTime() - started > atMost.toNanos()) {
				System.out.println("(the worker had not drained the inbox after " + atMost + ")");
				break;
			}
			Thread.sleep(1000);
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/**
	 * A Zendesk ticket status change of about 1 KB, signed now; the event id is returned
	 * too.
	 */
	static HttpRequest event(URI uri, SplittableRandom random, List<String> ids) {
		String id = UUID.randomUUID().toString();
		long ticket = 1 + random.nextInt(50_000);
		boolean solved = random.nextInt(3) == 0;
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String body = """
				{"type":"zen:event-type:ticket.status_changed","account_id":10012345,"id":"%s","time":"%s",\
				"zendesk_event_version":"2022-11-06","subject":"zen:ticket:%d","detail":{"actor_id":"70010",\
				"assignee_id":"70010","brand_id":"360001","created_at":"%s","custom_status":"17",\
				"description":"%s","external_id":"","form_id":"1","group_id":"3301","id":"%d","is_public":true,\
				"organization_id":"%s","priority":"HIGH","requester_id":"90001","status":"%s",\
				"subject":"Nightly export fails for ticket %d","submitter_id":"90001","tags":["export","enterprise"],\
				"type":"INCIDENT","updated_at":"%s","via":{"channel":"email"}},"event":{"current":"%s",\
				"previous":"%s","meta":{"sequence":{"id":"C1D2E3F4","position":1}}}}""".formatted(id, now, ticket,
				now.minus(Duration.ofDays(2)),
				"The nightly export to our warehouse fails with a timeout since the upgrade. ".repeat(6), ticket, ORG,
				solved ? "SOLVED" : "OPEN", ticket, now, solved ? "SOLVED" : "OPEN", solved ? "OPEN" : "NEW");
		ids.add(id);
		String timestamp = now.toString();
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
			.header("X-Zendesk-Webhook-Signature", sign(timestamp + body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	static String sign(String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A closed loop: each connection sends its next event as soon as the last is
	 * answered.
	 */
	static Result drive(String name, URI uri, int connections, Duration duration) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		ExecutorService threads = Executors.newFixedThreadPool(connections);
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		List<Future<Client>> running = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			SplittableRandom random = new SplittableRandom(1_000L + i);
			running.add(threads.submit(() -> {
				Client me = new Client();
				List<String> ids = new ArrayList<>(1);
				while (System.nanoTime() < deadline) {
					ids.clear();
					HttpRequest request = event(uri, random, ids);
					long sent = System.nanoTime();
					int status;
					try {
						status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
					}
					catch (IOException ex) {
						status = -1;
					}
					me.record(System.nanoTime() - sent, status, ids.get(0));
				}
				return me;
			}));
		}
		List<Client> clients = new ArrayList<>();
		for (Future<Client> future : running) {
			clients.add(future.get());
		}
		threads.shutdown();
		return Result.of(name, Duration.ofNanos(System.nanoTime() - started), clients);
	}

	static final class Client {

		long[] latencies = new long[1024];

		int count;

		int errors;

		List<String> acknowledged = new ArrayList<>();

		void record(long nanos, int status, String id) {
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = nanos;
			if (status == 200) {
				this.acknowledged.add(id);
			}
			else {
				this.errors++;
			}
		}

	}

	record Result(String name, Duration elapsed, int requests, int errors, List<String> acknowledged, Duration p50,
			Duration p99, Duration max) {

		static final String HEADER = "| endpoint | requests | errors | req/s | p50 ms | p99 ms | max ms |\n"
				+ "|---|---:|---:|---:|---:|---:|---:|";

		static Result of(String name, Duration elapsed, List<Client> clients) {
			long[] all = clients.stream()
				.flatMapToLong((c) -> Arrays.stream(c.latencies, 0, c.count))
				.sorted()
				.toArray();
			List<String> acknowledged = new ArrayList<>();
			clients.forEach((c) -> acknowledged.addAll(c.acknowledged));
			Function<Double, Duration> p = (q) -> (all.length == 0) ? Duration.ZERO
					: Duration.ofNanos(all[Math.max(0, (int) Math.ceil(q * all.length) - 1)]);
			return new Result(name, elapsed, all.length, clients.stream().mapToInt((c) -> c.errors).sum(), acknowledged,
					p.apply(0.5), p.apply(0.99), p.apply(1.0));
		}

		double rate() {
			return this.requests / (this.elapsed.toMillis() / 1000.0);
		}

		String row() {
			return String.format("| %s | %,d | %,d | %,.0f | %.1f | %.1f | %.1f |", this.name, this.requests,
					this.errors, rate(), this.p50.toNanos() / 1e6, this.p99.toNanos() / 1e6, this.max.toNanos() / 1e6);
		}

	}

	/**
	 * Generated tickets in chunks of 1,000 through {@link DeskFeed#deliver}, as a
	 * backfill hands a page over: each matched to its customer by organization id, then
	 * stored by the ingestion door, a savepoint per record, its resolution announced as
	 * history.
	 */
	/**
	 * How each busy table was read: rows read by sequential scans show a lookup that did
	 * not use its index.
	 */
	static void scans(JdbcClient jdbc) {
		System.out.println("\n| table | sequential scans | rows they read | index scans |\n|---|---:|---:|---:|");
		jdbc.sql("""
				select relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0) from pg_stat_user_tables
				where seq_tup_read > 100000 or idx_scan > 10000 order by seq_tup_read desc limit 10
				""").query((rs) -> {
			System.out.printf("| %s | %,d | %,d | %,d |%n", rs.getString(1), rs.getLong(2), rs.getLong(3),
					rs.getLong(4));
		});
	}

	static void bulk(DeskFeed feed, int total) {
		System.out.printf("%n## Bulk: %,d generated tickets through the backfill's path%n%n", total);
		SplittableRandom random = new SplittableRandom(7);
		Instant opened = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
		long started = System.nanoTime();
		long stored = 0;
		System.out.println("| tickets | seconds | tickets/s so far |\n|---:|---:|---:|");
		for (int from = 0; from < total; from += 1000) {
			List<DeskTicket> chunk = new ArrayList<>(1000);
			for (int i = from; i < Math.min(total, from + 1000); i++) {
				boolean solved = random.nextInt(4) != 0;
				Instant at = opened.plusSeconds(i * 20L);
				IncomingTicket ticket = new IncomingTicket("bulk", String.valueOf(i), null, null, null, null,
						"Generated ticket " + i, "Something broke and was fixed.", "Exports",
						solved ? "HIGH" : "NORMAL", solved ? "SOLVED" : "OPEN", at,
						solved ? at.plusSeconds(7200) : null, null, 0, null, false, null, solved ? "Fixed" : null, null,
						List.of("bulk"), List.of(), List.of());
				chunk.add(new DeskTicket(new DeskAccount("zendesk", ORG, "Bench Corp"), (DeskPerson) null, ticket));
			}
			FeedReport report = feed.deliver(chunk, true);
			stored += report.stored();
			if ((from + 1000) % 50_000 == 0 || from + 1000 >= total) {
				double seconds = (System.nanoTime() - started) / 1e9;
				System.out.printf("| %,d | %.0f | %,.0f |%n", from + 1000, seconds, (from + 1000) / seconds);
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("%nBulk: %,d tickets stored in %.0f s: %,.0f tickets/s%n", stored, seconds, stored / seconds);
	}

}
