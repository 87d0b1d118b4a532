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
 * fresh folder, so the demo workspace is loaded before it is ready), beside a bare Spring
 * Boot app (web, JDBC, Actuator, H2: one endpoint, nothing else) built and started in the
 * same run, each as an executable jar in its own JVM, several times in turn; then both
 * again with a class-data-sharing archive made by a training run (Spring Boot's
 * documented recipe); and, when the jar was built with {@code -Pnative}, Aftercare with
 * Spring's AOT-generated initialisation and its own archive. Ready means
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
		Path bareJar = buildBareApp();
		Path aftercare = extract(aftercareJar, "aftercare");
		Path bare = extract(bareJar, "bare");
		System.out.println("| app | JVM flags | start to ready, s (median of " + ROUNDS
				+ ") | min..max | resident memory, MB (median) |\n|---|---|---:|---|---:|");
		List<Mode> modes = new ArrayList<>(List.of(Mode.PLAIN, Mode.CDS));
		if (aotProcessed(aftercare)) {
			modes.add(Mode.AOT_CDS);
		}
		for (Mode mode : modes) {
			if (mode != Mode.PLAIN) {
				train(aftercare, mode);
				train(bare, Mode.CDS);
			}
			List<Measure> a = new ArrayList<>();
			List<Measure> b = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				a.add(start(aftercare, mode, true));
				b.add(start(bare, (mode == Mode.PLAIN) ? Mode.PLAIN : Mode.CDS, false));
			}
			Result ra = Result.of("Aftercare (demo loaded)", mode.label, a);
			Result rb = Result.of("bare Spring Boot", ((mode == Mode.PLAIN) ? Mode.PLAIN : Mode.CDS).label, b);
			System.out.println(ra.row());
			System.out.println(rb.row());
			System.out.printf("| ratio | %s | %.2f× | | %.2f× |%n", mode.label, ra.seconds() / rb.seconds(),
					ra.megabytes() / rb.megabytes());
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

	}

	/** Starts the extracted app, waits until it is ready, reads its memory, stops it. */
	private static Measure start(Path app, Mode mode, boolean aftercare) throws Exception {
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
		if (aftercare) {
			// The embedded default as shipped, in a new folder: the demo workspace is
			// loaded.
			command.add("--aftercare.data-dir=" + data);
		}
		else {
			command.addAll(List.of("--spring.datasource.url=jdbc:h2:file:" + data + "/bare",
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
	 * The bare app: Spring Boot's web, JDBC and Actuator starters and H2, with one
	 * endpoint, built by Maven from a pom written here, with the same Spring Boot
	 * version.
	 */
	private static Path buildBareApp() throws Exception {
		Path project = WORK.resolve("bare-project");
		org.springframework.util.FileSystemUtils.deleteRecursively(project);
		Path sources = project.resolve("src/main/java/bare");
		Files.createDirectories(sources);
		Files.writeString(project.resolve("pom.xml"),
				"""
						<project xmlns="http://maven.apache.org/POM/4.0.0">
						  <modelVersion>4.0.0</modelVersion>
						  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
						    <version>4.0.7</version><relativePath/></parent>
						  <groupId>bare</groupId><artifactId>bare</artifactId><version>1</version>
						  <properties><java.version>17</java.version></properties>
						  <dependencies>
						    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-webmvc</artifactId></dependency>
						    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-jdbc</artifactId></dependency>
						    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency>
						    <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><scope>runtime</scope></dependency>
						  </dependencies>
						  <build><plugins><plugin><groupId>org.springframework.boot</groupId>
						    <artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>
						</project>
						""");
		Files.writeString(sources.resolve("BareApp.java"), """
				package bare;

				import org.springframework.boot.SpringApplication;
				import org.springframework.boot.autoconfigure.SpringBootApplication;
				import org.springframework.jdbc.core.simple.JdbcClient;
				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@SpringBootApplication
				@RestController
				public class BareApp {

					private final JdbcClient jdbc;

					BareApp(JdbcClient jdbc) {
						this.jdbc = jdbc;
					}

					public static void main(String[] args) {
						SpringApplication.run(BareApp.class, args);
					}

					@GetMapping("/one")
					Integer one() {
						return this.jdbc.sql("select 1").query(Integer.class).single();
					}

				}
				""");
		run(project, "mvn", "-B", "-ntp", "-q", "-o", "package");
		return project.resolve("target/bare-1.jar");
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
