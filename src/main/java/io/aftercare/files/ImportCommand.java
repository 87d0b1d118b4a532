package io.aftercare.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports a ticket file from the command line into a running Aftercare, with a progress
 * bar: {@code java -jar aftercare.jar import tickets.csv [--url=http://localhost:8080]
 * [--user=admin] [--source=file] [--news]}. The password comes from
 * {@code AFTERCARE_IMPORT_PASSWORD}, or is asked for. The file is streamed to
 * {@code POST /api/ingest/files/tickets}; Aftercare stores it as it reads, so what has
 * been sent is what has been taken in, give or take a chunk.
 */
public final class ImportCommand {

	private ImportCommand() {
	}

	/** Runs the command; returns the process's exit code. */
	public static int run(String[] args, Map<String, String> env, PrintStream out) {
		Map<String, String> options = new HashMap<>();
		Path file = null;
		for (String arg : args) {
			if (arg.startsWith("--")) {
				int eq = arg.indexOf('=');
				options.put((eq > 0) ? arg.substring(2, eq) : arg.substring(2),
						(eq > 0) ? arg.substring(eq + 1) : "true");
			}
			else {
				file = Path.of(arg);
			}
		}
		if (file == null || !Files.isRegularFile(file)) {
			out.println("usage: java -jar aftercare.jar import FILE.csv|FILE.json [--url=http://localhost:8080] "
					+ "[--user=admin] [--source=file] [--news]");
			out.println("       the password from AFTERCARE_IMPORT_PASSWORD, or asked for");
			return 2;
		}
		String url = options.getOrDefault("url", "http://localhost:8080");
		String user = options.getOrDefault("user", "admin");
		String password = env.get("AFTERCARE_IMPORT_PASSWORD");
		if (password == null && System.console() != null) {
			char[] typed = System.console().readPassword("Password for %s: ", user);
			password = (typed != null) ? new String(typed) : null;
		}
		if (password == null) {
			out.println("Set AFTERCARE_IMPORT_PASSWORD or run in a terminal to type it.");
			return 2;
		}
		boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
		try {
			long size = Files.size(file);
			AtomicLong sent = new AtomicLong();
			Path source = file;
			URI target = URI.create(url + "/api/ingest/files/tickets?source="
					+ URLEncoder.encode(options.getOrDefault("source", "file"), StandardCharsets.UTF_8) + "&backfill="
					+ !options.containsKey("news"));
			HttpRequest request = HttpRequest.newBuilder(target)
				.header("Content-Type", json ? "application/json" : "text/csv")
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> counting(source, sent)))
				.build();
			Progress progress = new Progress(out, size, sent);
			progress.start();
			HttpResponse<String> response;
			try {
				response = HttpClient.newBuilder()
					.connectTimeout(Duration.ofSeconds(10))
					.build()
					.send(request, HttpResponse.BodyHandlers.ofString());
			}
			finally {
				progress.finish();
			}
			out.println();
			out.println(response.body());
			return (response.statusCode() < 300) ? 0 : 1;
		}
		catch (IOException ex) {
			out.println("Import failed: " + ex.getMessage());
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	private static InputStream counting(Path file, AtomicLong sent) {
		try {
			return new FilterInputStream(Files.newInputStream(file)) {
				@Override
				public int read() throws IOException {
					int b = super.read();
					if (b >= 0) {
						sent.incrementAndGet();
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = super.read(buffer, offset, length);
					if (n > 0) {
						sent.addAndGet(n);
					}
					return n;
				}
			};
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** A bar on one line, redrawn every quarter second: sent, size, speed, time left. */
	static final class Progress extends Thread {

		private final PrintStream out;

		private final long size;

		private final AtomicLong sent;

		private final long started = System.nanoTime();

		private volatile boolean done;

		Progress(PrintStream out, long size, AtomicLong sent) {
			super("import-progress");
			setDaemon(true);
			this.out = out;
			this.size = Math.max(1, size);
			this.sent = sent;
		}

		@Override
		public void run() {
			while (!this.done) {
				draw();
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		void finish() {
			this.done = true;
			draw();
		}

		void draw() {
			this.out.print("\r" + line(this.sent.get(), this.size, (System.nanoTime() - this.started) / 1e9));
			this.out.flush();
		}

		static String line(long sent, long size, double seconds) {
			double fraction = Math.min(1, (double) sent / size);
			int filled = (int) Math.round(fraction * 30);
			double rate = (seconds > 0) ? sent / seconds : 0;
			String left = (rate > 0 && fraction < 1) ? ", " + Math.round((size - sent) / rate) + " s left" : "";
			return "[" + "#".repeat(filled) + ".".repeat(30 - filled) + "] "
					+ String.format(Locale.ROOT, "%3d%% %.1f/%.1f MB, %.1f MB/s%s", Math.round(fraction * 100),
							sent / 1e6, size / 1e6, rate / 1e6, left);
		}

	}

}
