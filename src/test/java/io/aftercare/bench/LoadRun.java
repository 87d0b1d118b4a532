package io.aftercare.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.aftercare.AftercareApplication;
import io.aftercare.account.ApiTokenScope;
import io.aftercare.account.ApiTokens;
import io.aftercare.account.Csm;
import io.aftercare.account.NewApiToken;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A load run on loopback at the volumes the design promises: an embedded PostgreSQL, the
 * whole app on it, 100,000 customers and 1,000,000 tickets seeded with set-based SQL,
 * then bounded phases of real HTTP requests, the query plans of the endpoints' main SQL,
 * and the same plans again with a few candidate indexes. Prints everything as Markdown;
 * {@code docs/performance.md} keeps the figures. Not a test: run it on purpose, that
 * document has the command.
 */
public final class LoadRun {

	private static final List<String> TABLES = List.of("csm_users", "customers", "contacts", "health_scores", "tickets",
			"ticket_tags", "ticket_participants", "ticket_comments", "support_followups", "reminders");

	private static final List<String> SETTINGS = List.of("shared_buffers", "effective_cache_size", "work_mem",
			"max_parallel_workers_per_gather", "synchronous_commit", "fsync", "jit");

	// -Dbench.statements=60 lists every statement a follow-up runs.
	private static final int STATEMENTS_PER_PHASE = Integer.getInteger("bench.statements", 10);

	// -Dbench.phases="follow-up, 1 client|follow-up floor" measures those alone, and
	// the reference.
	private static final List<String> CHOSEN_PHASES = Arrays.stream(System.getProperty("bench.phases", "").split("\\|"))
		.map(String::trim)
		.filter((name) -> !name.isEmpty())
		.toList();

	private LoadRun() {
	}

	public static void main(String[] args) throws Exception {
		BenchSettings settings = BenchSettings.fromSystemProperties();
		section("Load run: " + settings);
		printMachine();
		SpringApplication aftercare = new SpringApplication(AftercareApplication.class);
		ServerTimes serverTimes = ServerTimes.addTo(aftercare);
		try (EmbeddedPostgres postgres = startPostgres();
				ConfigurableApplicationContext app = start(aftercare, postgres);
				ConfigurableApplicationContext reference = ReferenceApp
					.start(postgres.getJdbcUrl("postgres", "postgres"), "postgres")) {
			DataSource database = postgres.getPostgresDatabase();
			JdbcClient jdbc = JdbcClient.create(database);
			printDatabase(jdbc);
			seed(settings, database, jdbc);
			BenchData data = BenchData.load(jdbc);
			Map<String, String> tokens = tokens(app, jdbc);
			Workload workload = new Workload(baseUri(app), data, settings, tokens, baseUri(reference));
			workload.chatSessions(ChatSignIns.signIn(baseUri(app),
					data.csmBooks()
						.stream()
						.map(BenchData.Book::owner)
						.filter((u) -> !u.equals("sam"))
						.limit(32)
						.toList()));
			QueryStats stats = new QueryStats(jdbc);
			stats.enable();
			LoadDriver driver = new LoadDriver();
			probe(driver, workload);
			List<Measured> measured = drive(driver, workload, stats, serverTimes);
			List<QueryPlan> before = new QueryPlans(jdbc).explain();
			section("Candidate indexes");
			new CandidateIndexes(jdbc).create();
			List<QueryPlan> after = new QueryPlans(jdbc).explain();
			report(measured, before, after);
		}
	}

	/**
	 * An API token for every user, made through the app's own service: {@code write} for
	 * the CSMs, {@code read} for the others. Also times the check of a token, as the
	 * bearer filter does it, without HTTP.
	 */
	private static Map<String, String> tokens(ConfigurableApplicationContext app, JdbcClient jdbc) {
		section("API tokens");
		ApiTokens service = app.getBean(ApiTokens.class);
		Map<String, String> tokens = new java.util.HashMap<>();
		long started = System.nanoTime();
		for (var user : jdbc.sql("select username, role from csm_users").query().listOfRows()) {
			String username = (String) user.get("username");
			ApiTokenScope scope = "ADMIN".equals(user.get("role")) ? ApiTokenScope.READ : ApiTokenScope.WRITE;
			tokens.put(username,
					service.create(Csm.AFTERCARE, username, new NewApiToken("load run", scope, 1)).token());
		}
		System.out.printf("%d tokens created in %.1f s%n", tokens.size(), (System.nanoTime() - started) / 1e9);
		System.out.println(io.aftercare.account.TokenCheck.measure(app, tokens.values().stream().toList()));
		return tokens;
	}

	/** The figures of a phase and the statements that took the database's time. */
	record Measured(PhaseResult result, ServerTimes.Summary server, QueryStats.Totals totals,
			List<QueryStats.Statement> statements) {
	}

	/**
	 * The embedded database with the library's settings;
	 * {@code -Dbench.sharedBuffers=2GB} gives it a buffer cache that holds the whole
	 * database, as a production server's would (the library's 128 MB holds a tenth of it:
	 * docs/performance.md).
	 */
	private static EmbeddedPostgres startPostgres() throws IOException {
		EmbeddedPostgres.Builder postgres = EmbeddedPostgres.builder()
			.setServerConfig("shared_preload_libraries", "pg_stat_statements");
		String sharedBuffers = System.getProperty("bench.sharedBuffers");
		if (sharedBuffers != null) {
			postgres.setServerConfig("shared_buffers", sharedBuffers);
		}
		return postgres.start();
	}

	private static ConfigurableApplicationContext start(SpringApplication aftercare, EmbeddedPostgres postgres) {
		long started = System.nanoTime();
		ConfigurableApplicationContext app = aftercare.run(
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--server.address=127.0.0.1", "--server.port=0",
				"--aftercare.demo.load=always", "--aftercare.mail.outbox=target/bench-outbox",
				// The rate limit would stop the load; it is measured by its own test.
				"--aftercare.account.rate-limit.requests=1000000000", "--spring.main.banner-mode=off");
		System.out.printf("App started on port %s in %.1f s%n", app.getEnvironment().getProperty("local.server.port"),
				(System.nanoTime() - started) / 1e9);
		return app;
	}

	private static URI baseUri(ConfigurableApplicationContext app) {
		return URI.create("http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port"));
	}

	private static void printDatabase(JdbcClient jdbc) {
		System.out.println(jdbc.sql("select version()").query(String.class).single());
		jdbc.sql("select name, setting, unit from pg_settings where name in (:names) order by name")
			.param("names", SETTINGS)
			.query((rs) -> {
				String unit = rs.getString("unit");
				System.out.printf("  %s = %s%s%n", rs.getString("name"), rs.getString("setting"),
						(unit != null) ? " × " + unit : "");
			});
	}

	private static void seed(BenchSettings settings, DataSource database, JdbcClient jdbc) throws Exception {
		section("Seed");
		long started = System.nanoTime();
		List<SeedStep> steps = new Seeder(settings).seed(database);
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.println("| step | rows | seconds |\n|---|---:|---:|");
		steps.forEach((step) -> System.out.println(step.row()));
		System.out.printf("| **total** | | **%.1f** |%n%n", seconds);
		System.out.println("| table | rows | size with indexes |\n|---|---:|---:|");
		for (String table : TABLES) {
			Map<String, Object> row = jdbc
				.sql("select count(*) as n, pg_size_pretty(pg_total_relation_size('" + table + "')) as size from "
						+ table)
				.query()
				.singleRow();
			System.out.printf("| %s | %,d | %s |%n", table, ((Number) row.get("n")).longValue(), row.get("size"));
		}
		printDistributions(jdbc);
	}

	private static void printDistributions(JdbcClient jdbc) {
		System.out.println("\nTickets by status: " + jdbc.sql("""
				select string_agg(status || ' ' || n, ', ' order by n desc) from
				(select status, count(*) as n from tickets group by status) s
				""").query(String.class).single());
		System.out.println("Tickets by priority: " + jdbc.sql("""
				select string_agg(priority || ' ' || n, ', ' order by n desc) from
				(select priority, count(*) as n from tickets group by priority) s
				""").query(String.class).single());
		System.out.println("Tickets per customer: " + jdbc.sql("""
				select 'median ' || percentile_disc(0.5) within group (order by n)
				    || ', p99 ' || percentile_disc(0.99) within group (order by n) || ', max ' || max(n)
				    || ', customers without any ' || (select count(*) from customers) - count(*)
				from (select count(*) as n from tickets group by customer_id) s
				""").query(String.class).single());
		System.out.println("Resolved in the last 90 days: " + jdbc.sql("""
				select count(*) from tickets where resolved_at >= now() - interval '90 days'
				""").query(Long.class).single());
	}

	private static void probe(LoadDriver driver, Workload workload) throws Exception {
		section("One request of each kind");
		for (HttpRequest probe : workload.probes()) {
			System.out.println(probe.method() + " " + probe.uri() + "\n  -> " + driver.probe(probe));
		}
	}

	private static List<Measured> drive(LoadDriver driver, Workload workload, QueryStats stats, ServerTimes serverTimes)
			throws InterruptedException {
		section("Warm-up");
		System.out.println(PhaseResult.TABLE_HEADER);
		System.out.println(driver.run(workload.warmUp()).row());
		section("Measured phases");
		System.out.println(PhaseResult.TABLE_HEADER);
		List<Measured> measured = new ArrayList<>();
		List<Phase> phases = workload.measured();
		for (Phase phase : phases) {
			// The reference is always measured: every other phase is read beside it.
			if (phase == phases.get(0) || CHOSEN_PHASES.isEmpty() || CHOSEN_PHASES.contains(phase.name())) {
				measured.add(measure(driver, phase, stats, serverTimes));
			}
		}
		return measured;
	}

	private static Measured measure(LoadDriver driver, Phase phase, QueryStats stats, ServerTimes serverTimes)
			throws InterruptedException {
		stats.reset();
		serverTimes.reset();
		PhaseResult result = driver.run(phase);
		System.out.println(result.row());
		return new Measured(result, serverTimes.summary(), stats.totals(), stats.top(STATEMENTS_PER_PHASE));
	}

	private static void report(List<Measured> measured, List<QueryPlan> before, List<QueryPlan> after) {
		section("Results");
		System.out.println(PhaseResult.TABLE_HEADER);
		measured.forEach((m) -> System.out.println(m.result().row()));
		PhaseResult reference = measured.get(0).result();
		section("Beside the bare reference (" + reference.phase().what() + ")");
		System.out.println("""
				| phase | req/s | × reference's req/s | p95 ms | p99 ms | server-side p50 / p95 / p99 ms |
				|---|---:|---:|---:|---:|---:|""");
		for (Measured m : measured) {
			PhaseResult result = m.result();
			ServerTimes.Summary server = m.server();
			// The reference is another app: only Aftercare's requests are timed inside.
			String inside = (server.requests() == 0) ? "n/a" : "%.1f / %.1f / %.1f"
				.formatted(server.p50().toNanos() / 1e6, server.p95().toNanos() / 1e6, server.p99().toNanos() / 1e6);
			System.out.printf("| %s | %.0f | %.2f | %.1f | %.1f | %s |%n", result.phase().name(), result.throughput(),
					result.throughput() / reference.throughput(), result.p95().toNanos() / 1e6,
					result.p99().toNanos() / 1e6, inside);
		}
		measured.stream()
			.map(Measured::result)
			.filter((result) -> result.firstFailure() != null)
			.forEach((result) -> System.out
				.println("First error in '" + result.phase().name() + "': " + result.firstFailure()));
		section("Database time per phase (pg_stat_statements)");
		System.out.println(QueryStats.Totals.TABLE_HEADER);
		measured.forEach((m) -> System.out.println(m.totals().row(m.result())));
		for (Measured m : measured) {
			System.out.println("\n### " + m.result().phase().name() + "\n\n" + QueryStats.Statement.TABLE_HEADER);
			m.statements().forEach((statement) -> System.out.println(statement.row(m.result().requests())));
		}
		section("Query plans");
		System.out.println("| query | parameters | execution ms | access paths |\n|---|---|---:|---|");
		before.forEach((plan) -> System.out.println(plan.row()));
		section("Query plans with the candidate indexes");
		printComparison(before, after);
		section("Plans in full");
		before.forEach((plan) -> System.out.println("\n" + plan.text()));
		section("Plans in full that changed with the candidate indexes");
		for (int i = 0; i < before.size(); i++) {
			if (!before.get(i).accessPaths().equals(after.get(i).accessPaths())) {
				System.out.println("\n" + after.get(i).text());
			}
		}
	}

	private static void printComparison(List<QueryPlan> before, List<QueryPlan> after) {
		System.out
			.println("| query | parameters | before ms | after ms | access paths after |\n|---|---|---:|---:|---|");
		for (int i = 0; i < before.size(); i++) {
			QueryPlan was = before.get(i);
			QueryPlan now = after.get(i);
			System.out.printf("| %s | %s | %.2f | %.2f | %s |%n", was.name(), was.parameters(), was.executionMillis(),
					now.executionMillis(),
					now.accessPaths().equals(was.accessPaths()) ? "unchanged" : String.join("; ", now.accessPaths()));
		}
	}

	private static void printMachine() {
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("Machine: %s, %d cores, JVM max heap %d MB; %s %s (%s); %s %s%n", cpuModel(),
				runtime.availableProcessors(), runtime.maxMemory() >> 20, System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
				System.getProperty("os.name"), System.getProperty("os.version"));
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown CPU");
		}
		catch (IOException ex) {
			return "unknown CPU";
		}
	}

	private static void section(String title) {
		System.out.println("\n## " + title + "\n");
	}

}
