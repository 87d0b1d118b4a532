package io.aftercare.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the requests of a {@link Phase} from a fixed pool of client threads over one
 * HTTP/1.1 client (keep-alive connections on loopback) and records every latency.
 */
final class LoadDriver {

	/** Status recorded when no response came at all (connection refused, timeout). */
	static final int NO_RESPONSE = -1;

	private static final long SEED = 20_240_847L;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	PhaseResult run(Phase phase) throws InterruptedException {
		AtomicInteger sent = new AtomicInteger();
		long deadline = System.nanoTime() + phase.limit().toNanos();
		ExecutorService clients = Executors.newFixedThreadPool(phase.threads());
		try {
			long started = System.nanoTime();
			List<Future<Recorder>> running = new ArrayList<>();
			for (int i = 0; i < phase.threads(); i++) {
				SplittableRandom random = new SplittableRandom(SEED + i);
				running.add(clients.submit(() -> drive(phase, random, sent, deadline)));
			}
			List<Recorder> recorders = new ArrayList<>();
			for (Future<Recorder> client : running) {
				recorders.add(result(client));
			}
			return PhaseResult.of(phase, Duration.ofNanos(System.nanoTime() - started), recorders);
		}
		finally {
			clients.shutdownNow();
		}
	}

	/** Sends one request and tells the status and the start of the body. */
	String probe(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		String body = response.body().replaceAll("\\s+", " ");
		return response.statusCode() + " " + body.substring(0, Math.min(body.length(), 160));
	}

	private Recorder drive(Phase phase, SplittableRandom random, AtomicInteger sent, long deadline) {
		Recorder recorder = new Recorder(phase);
		while (System.nanoTime() < deadline && sent.getAndIncrement() < phase.requests()) {
			HttpRequest request = phase.source().next(random);
			long started = System.nanoTime();
			HttpResponse<byte[]> response = send(request, recorder);
			long took = System.nanoTime() - started;
			int status = (response != null) ? response.statusCode() : NO_RESPONSE;
			recorder.record(took, status, request, response);
		}
		return recorder;
	}

	private HttpResponse<byte[]> send(HttpRequest request, Recorder recorder) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			recorder.failure(request, ex.toString());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static Recorder result(Future<Recorder> client) throws InterruptedException {
		try {
			return client.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A client thread failed", ex.getCause());
		}
	}

	/** What one client thread saw; confined to that thread until the phase ends. */
	static final class Recorder {

		private final Phase phase;

		private long[] latencies = new long[256];

		private int count;

		private final TreeMap<Integer, Integer> statuses = new TreeMap<>();

		private String firstFailure;

		Recorder(Phase phase) {
			this.phase = phase;
		}

		void record(long nanos, int status, HttpRequest request, HttpResponse<byte[]> response) {
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = nanos;
			this.statuses.merge(status, 1, Integer::sum);
			if (response != null && !this.phase.expected().contains(status)) {
				failure(request, status + " " + new String(response.body(), StandardCharsets.UTF_8));
			}
		}

		void failure(HttpRequest request, String what) {
			if (this.firstFailure == null) {
				this.firstFailure = request.method() + " " + request.uri().getRawPath() + ": "
						+ what.substring(0, Math.min(what.length(), 300));
			}
		}

		long[] latencies() {
			return Arrays.copyOf(this.latencies, this.count);
		}

		TreeMap<Integer, Integer> statuses() {
			return this.statuses;
		}

		String firstFailure() {
			return this.firstFailure;
		}

	}

}
