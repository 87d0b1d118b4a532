package io.aftercare.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up to ready and resident memory of Aftercare on its embedded default (H2 in a
 * fresh folder, so the demo workspace is loaded before it is ready), beside two apps
 * built and started in the same run: a bare Spring Boot app (web, JDBC, Actuator, H2: one
 * endpoint, nothing else) and the floor, the same endpoint on the stack that the
 * foundations and the issues require (see {@link #FLOOR}) without a line of Aftercare.
 * Each runs as an executable jar in its own JVM, several times in turn; then all again
 * with a class-data-sharing archive made by a training run (Spring Boot's documented
 * recipe); and, when the jar was built with {@code -Pnative}, Aftercare with Spring's
 * AOT-generated initialisation and its own archive. Ready means
 * {@code /actuator/health/readiness} answers 200; memory is the process's resident set
 * ({@code VmRSS}) once ready. Needs {@code mvn package} first (the command is in
 * {@code docs/performance.md}); not a test.
 */
public final class StartupRun {

	private static final Path WORK = Path.of("target/startup-run");

	private static final int ROUNDS = Integer.getInteger("startup.rounds", 5);

	private StartupRun() {
	}

	public static void main(String[] args) throws Exception {
		Path aftercareJar = Files.list(Path.of("target"))
			.filter((p) -> p.getFileName().toString().matches("aftercare-.*\\.jar"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("run mvn -DskipTests package first"));
		Files.createDirectories(WORK);
		Path aftercare = extract(aftercareJar, "aftercare");
		Path bare = extract(build("bare", BARE), "bare");
		Path floor = extract(build("floor", FLOOR), "floor");
		System.out.println("| app | JVM flags | start to ready, s (median of " + ROUNDS
				+ ") | min..max | resident memory, MB (median) |\n|---|---|---:|---|---:|");
		List<Mode> modes = new ArrayList<>(List.of(Mode.PLAIN, Mode.CDS));
		if (aotProcessed(aftercare)) {
			modes.add(Mode.AOT_CDS);
		}
		for (Mode mode : modes) {
			// The other two keep their archive alone: they have no AOT code.
			Mode others = (mode == Mode.PLAIN) ? Mode.PLAIN : Mode.CDS;
			if (mode != Mode.PLAIN) {
				train(aftercare, mode);
				train(bare, others);
				train(floor, others);
			}
			List<Measure> a = new ArrayList<>();
			List<Measure> b = new ArrayList<>();
			List<Measure> f = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				a.add(start(aftercare, mode));
				b.add(start(bare, others));
				f.add(start(floor, others));
			}
			Result ra = Result.of("Aftercare (demo loaded)", mode.label, a);
			Result rb = Result.of("bare Spring Boot", others.label, b);
			Result rf = Result.of("floor: the required stack, no Aftercare code", others.label, f);
			System.out.println(ra.row());
			System.out.println(rb.row());
			System.out.println(rf.row());
			System.out.println(ra.ratio("Aftercare / bare", mode, rb));
			System.out.println(rf.ratio("floor / bare", mode, rb));
			System.out.println(ra.ratio("Aftercare / floor", mode, rf));
		}
	}

	/**
	 * How an app is started: as it is; with a class-data-sharing archive; with Spring's
	 * AOT-generated initialisation as well (the jar built with {@code -Pnative}; only
	 * Aftercare, the bare app keeps its archive alone).
	 */
	enum Mode {

		PLAIN("none", "", List.of()), CDS("`-XX:SharedArchiveFile` (CDS)", "application.jsa", List.of()),
		AOT_CDS("`-Dspring.aot.enabled=true` and CDS", "application-aot.jsa", List.of("-Dspring.aot.enabled=true"));

		final String label;

		final String archive;

		final List<String> flags;

		Mode(String label, String archive, List<String> flags) {
			this.label = label;
			this.archive = archive;
			this.flags = flags;
		}

	}

	/** Whether the jar was built with Spring's AOT processing ({@code mvn -Pnative}). */
	private static boolean aotProcessed(Path app) throws IOException {
		try (java.util.jar.JarFile jar = new java.util.jar.JarFile(app.resolve(app.getFileName() + ".jar").toFile())) {
			return jar.getEntry("io/aftercare/AftercareApplication__ApplicationContextInitializer.class") != null;
		}
	}

	record Measure(double seconds, double megabytes) {
	}

	record Result(String app, String flags, double seconds, double min, double max, double megabytes) {

		static Result of(String app, String flags, List<Measure> measures) {
			double[] seconds = measures.stream().mapToDouble(Measure::seconds).sorted().toArray();
			double[] mb = measures.stream().mapToDouble(Measure::megabytes).sorted().toArray();
			return new Result(app, flags, seconds[seconds.length / 2], seconds[0], seconds[seconds.length - 1],
					mb[mb.length / 2]);
		}

		String row() {
			return "| %s | %s | %.2f | %.2f..%.2f | %.0f |".formatted(this.app, this.flags, this.seconds, this.min,
					this.max, this.megabytes);
		}

		String ratio(String label, Mode mode, Result other) {
			return "| %s | %s | %.2f× | | %.2f× |".formatted(label, mode.label, this.seconds / other.seconds,
					this.megabytes / other.megabytes);
		}

	}

	/** Starts the extracted app, waits until it is ready, reads its memory, stops it. */
	private static Measure start(Path app, Mode mode) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path data = Files.createTempDirectory(WORK, "data").toAbsolutePath();
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xshare:auto"));
		if (mode != Mode.PLAIN) {
			command.add("-XX:SharedArchiveFile=" + app.resolve(mode.archive));
		}
		command.addAll(mode.flags);
		command.addAll(List.of("-jar", app.resolve(app.getFileName() + ".jar").toString(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
		if (app.getFileName().toString().equals("aftercare")) {
			// The embedded default as shipped, in a new folder: the demo workspace is
			// loaded.
			command.add("--aftercare.data-dir=" + data);
		}
		else {
			command.addAll(List.of("--spring.datasource.url=jdbc:h2:file:" + data + "/app",
					"--management.endpoint.health.probes.enabled=true"));
		}
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(WORK.resolve(app.getFileName() + ".log").toFile())
			.start();
		try {
			HttpClient http = HttpClient.newHttpClient();
			URI ready = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
			while (true) {
				if (!process.isAlive()) {
					throw new IllegalStateException(app + " stopped; see its log in " + WORK);
				}
				try {
					if (http
						.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
								HttpResponse.BodyHandlers.discarding())
						.statusCode() == 200) {
						break;
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(120)) {
					throw new IllegalStateException(app + " was not ready within 120 s");
				}
				Thread.sleep(20);
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			Thread.sleep(1000);
			return new Measure(seconds, residentMegabytes(process.pid()));
		}
		finally {
			process.destroy();
			process.waitFor(30, TimeUnit.SECONDS);
			process.destroyForcibly();
		}
	}

	private static double residentMegabytes(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

	/**
	 * Spring Boot's CDS recipe: a training run that exits once the context is refreshed.
	 */
	private static void train(Path app, Mode mode) throws Exception {
		Path data = Files.createTempDirectory(WORK, "training").toAbsolutePath();
		List<String> command = new ArrayList<>(
				List.of(javaBinary(), "-XX:ArchiveClassesAtExit=" + app.resolve(mode.archive)));
		command.addAll(mode.flags);
		command.addAll(
				List.of("-Dspring.context.exit=onRefresh", "-jar", app.resolve(app.getFileName() + ".jar").toString(),
						// Aftercare's embedded default in a new folder; the bare
						// app's in-memory H2.
						"--server.port=0", "--aftercare.data-dir=" + data, "--aftercare.demo.load=never"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(WORK.resolve(app.getFileName() + "-training.log").toFile())
			.start();
		process.waitFor(180, TimeUnit.SECONDS);
	}

	/**
	 * {@code java -Djarmode=tools -jar app.jar extract}: the layout Spring Boot
	 * recommends.
	 */
	private static Path extract(Path jar, String name) throws Exception {
		Path destination = WORK.resolve(name);
		org.springframework.util.FileSystemUtils.deleteRecursively(destination);
		run(WORK, javaBinary(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
				destination.toAbsolutePath().toString());
		try (var files = Files.list(destination)) {
			Path extracted = files.filter((p) -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
			Files.move(extracted, destination.resolve(name + ".jar"));
		}
		return destination;
	}

	/**
	 * The bare app: Spring Boot's web, JDBC and Actuator starters and H2, one endpoint.
	 */
	private static final App BARE = new App(
			"""
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-webmvc</artifactId></dependency>
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-jdbc</artifactId></dependency>
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency>
					<dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><scope>runtime</scope></dependency>
					""",
			"", "", "", "");

	/**
	 * The floor: the bare app's endpoint on what the foundations and the issues ask for,
	 * whichever way it is built: Flyway (one migration, db-scheduler's table), Spring
	 * Modulith with its JDBC event registry, Spring Security with form login and HTTP
	 * Basic, the OAuth 2.0 client for single sign-on, Spring Session JDBC, db-scheduler
	 * with one recurring task, Prometheus metrics, bucket4j, mail (SMTP and IMAP), bean
	 * validation and a template engine for the chat. What Aftercare chose beyond that
	 * (springdoc, Spring AI, its own 20 modules, the demo workspace) is not in it.
	 */
	private static final App FLOOR = new App(
			"""
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-webmvc</artifactId></dependency>
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-jdbc</artifactId></dependency>
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency>
					<dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><scope>runtime</scope></dependency>
					<dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><scope>runtime</scope></dependency>
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-flyway</artifactId></dependency>
					<dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId></dependency>
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-security</artifactId></dependency>
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-security-oauth2-client</artifactId></dependency>
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-session-jdbc</artifactId></dependency>
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-validation</artifactId></dependency>
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-thymeleaf</artifactId></dependency>
					<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-mail</artifactId></dependency>
					<dependency><groupId>io.micrometer</groupId><artifactId>micrometer-registry-prometheus</artifactId></dependency>
					<dependency><groupId>org.springframework.modulith</groupId><artifactId>spring-modulith-starter-core</artifactId><version>2.0.3</version></dependency>
					<dependency><groupId>org.springframework.modulith</groupId><artifactId>spring-modulith-starter-jdbc</artifactId><version>2.0.3</version></dependency>
					<dependency><groupId>com.github.kagkarlsson</groupId><artifactId>db-scheduler-spring-boot-4-starter</artifactId><version>16.12.0</version></dependency>
					<dependency><groupId>com.bucket4j</groupId><artifactId>bucket4j_jdk17-core</artifactId><version>8.19.0</version></dependency>
					""",
			"""
					import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
					import com.github.kagkarlsson.scheduler.task.helper.Tasks;
					import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
					import org.springframework.context.annotation.Bean;
					import org.springframework.security.config.Customizer;
					import org.springframework.security.config.annotation.web.builders.HttpSecurity;
					import org.springframework.security.web.SecurityFilterChain;
					""",
			"""
						@Bean
						SecurityFilterChain security(HttpSecurity http) throws Exception {
							return http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health/**").permitAll()
								.anyRequest().authenticated())
								.formLogin(Customizer.withDefaults()).httpBasic(Customizer.withDefaults()).build();
						}

						@Bean
						RecurringTask<Void> upkeep() {
							return Tasks.recurring("upkeep", FixedDelay.ofMinutes(1)).execute((instance, context) -> { });
						}
					""",
			"""
					create table scheduled_tasks (task_name text not null, task_instance text not null, task_data bytea,
					  execution_time timestamp with time zone not null, picked boolean not null, picked_by text,
					  last_success timestamp with time zone, last_failure timestamp with time zone, consecutive_failures int,
					  last_heartbeat timestamp with time zone, version bigint not null, priority smallint,
					  primary key (task_name, task_instance));
					""",
			"""
					spring.session.jdbc.initialize-schema=always
					spring.modulith.events.jdbc.schema-initialization.enabled=true
					""");

	/**
	 * A one-endpoint app: its dependencies, and for its main class more imports and
	 * beans; a Flyway migration and application properties when it has them.
	 */
	record App(String dependencies, String imports, String beans, String migration, String properties) {
	}

	/**
	 * Builds the app with Maven from a pom written here with the same Spring Boot
	 * version.
	 */
	private static Path build(String name, App app) throws Exception {
		Path project = WORK.resolve(name + "-project");
		org.springframework.util.FileSystemUtils.deleteRecursively(project);
		Path sources = project.resolve("src/main/java/bench");
		Files.createDirectories(sources);
		Files.writeString(project.resolve("pom.xml"), """
				<project xmlns="http://maven.apache.org/POM/4.0.0">
				  <modelVersion>4.0.0</modelVersion>
				  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
				    <version>4.0.7</version><relativePath/></parent>
				  <groupId>bench</groupId><artifactId>%s</artifactId><version>1</version>
				  <properties><java.version>17</java.version></properties>
				  <dependencies>
				%s
				  </dependencies>
				  <build><plugins><plugin><groupId>org.springframework.boot</groupId>
				    <artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>
				</project>
				""".formatted(name, app.dependencies()));
		Files.writeString(sources.resolve("BenchApp.java"), """
				package bench;

				import org.springframework.boot.SpringApplication;
				import org.springframework.boot.autoconfigure.SpringBootApplication;
				import org.springframework.jdbc.core.simple.JdbcClient;
				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;
				%s

				@SpringBootApplication
				@RestController
				public class BenchApp {

					private final JdbcClient jdbc;

					BenchApp(JdbcClient jdbc) {
						this.jdbc = jdbc;
					}

					public static void main(String[] args) {
						SpringApplication.run(BenchApp.class, args);
					}

					@GetMapping("/one")
					Integer one() {
						return this.jdbc.sql("select 1").query(Integer.class).single();
					}

				%s
				}
				""".formatted(app.imports(), app.beans()));
		if (!app.migration().isEmpty()) {
			Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
			Files.writeString(migrations.resolve("V1__scheduled_tasks.sql"), app.migration());
		}
		if (!app.properties().isEmpty()) {
			Files.writeString(
					Files.createDirectories(project.resolve("src/main/resources")).resolve("application.properties"),
					app.properties());
		}
		run(project, "mvn", "-B", "-ntp", "-q", "package");
		return project.resolve("target/" + name + "-1.jar");
	}

	private static void run(Path directory, String... command) throws Exception {
		Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("failed: " + Arrays.toString(command));
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
