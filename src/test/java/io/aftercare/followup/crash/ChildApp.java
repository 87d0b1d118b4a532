package io.aftercare.followup.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.TestPorts;

/**
 * One life of {@link CrashableAftercare} in a JVM of its own: started, read line by line
 * (and copied to a log file for whoever investigates a failure), and killed with SIGKILL,
 * as {@code kill -9} would.
 */
final class ChildApp implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("Started CrashableAftercare in");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private final Process process;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final int port;

	private ChildApp(Process process, int port, Path log) throws InterruptedException {
		this.process = process;
		this.port = port;
		Thread reader = new Thread(() -> copy(log), "child-app-output");
		reader.setDaemon(true);
		reader.start();
		awaitLine(STARTED, START_TIMEOUT);
		awaitReadiness();
	}

	/**
	 * Started is not ready: the demo workspace and the first admin are made by runners
	 * after the web server listens.
	 */
	private void awaitReadiness() throws InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/readiness"))
			.build();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			try {
				if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the app was not ready within " + START_TIMEOUT);
	}

	/**
	 * Starts the app with the given Spring arguments, pausing at {@code pauseAt} (empty
	 * for none), and waits until it serves HTTP.
	 */
	static ChildApp start(List<String> arguments, String pauseAt, Path log) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx384m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-XX:+UseSerialGC");
		command.add("-D" + CrashableAftercare.PAUSE_AT + "=" + pauseAt);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(CrashableAftercare.class.getName());
		int port = TestPorts.free();
		command.add("--server.port=" + port);
		command.add("--spring.main.banner-mode=off");
		// The run drafts its own follow-ups; an unasked one for the same tickets would
		// race with them.
		command.add("--aftercare.triggers.enabled=false");
		// The pool says when it closed; it closes the embedded database with it.
		command.add("--logging.level.com.zaxxer.hikari=INFO");
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			return new ChildApp(process, port, log);
		}
		catch (RuntimeException | InterruptedException ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

	int port() {
		return this.port;
	}

	/** Waits for a line of the app's output that matches, and returns the match. */
	Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			String line = this.lines.poll(100, TimeUnit.MILLISECONDS);
			if (line != null) {
				Matcher matcher = pattern.matcher(line);
				if (matcher.find()) {
					return matcher;
				}
			}
			else if (!this.process.isAlive() && this.lines.isEmpty()) {
				throw new IllegalStateException("the app exited with " + this.process.exitValue() + " before '"
						+ pattern + "' (see the log in target/crash-runs)");
			}
		}
		throw new IllegalStateException("no '" + pattern + "' from the app within " + timeout);
	}

	/**
	 * SIGTERM, as a service manager stops the app, and what it logged while it shut down.
	 */
	List<String> stop() throws InterruptedException {
		this.lines.clear();
		// Through the handle: Process.destroy() would close the output before it is read.
		this.process.toHandle().destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the app did not stop within a minute");
		}
		// The reader thread drains what is left of the output.
		Thread.sleep(200);
		List<String> shutdown = new ArrayList<>();
		this.lines.drainTo(shutdown);
		return shutdown;
	}

	/** SIGKILL: no shutdown hook, no flush, nothing the app could tidy up. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the app did not die");
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private void copy(Path log) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
				PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
						java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				out.println(line);
				out.flush();
				this.lines.add(line);
			}
		}
		catch (IOException ex) {
			// The process died: its output ends here.
		}
	}

}
