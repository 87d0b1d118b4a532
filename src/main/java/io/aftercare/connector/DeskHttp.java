package io.aftercare.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to a vendor's API within its limits, the one way every connector does: requests
 * are spaced to the vendor's documented per-minute limit; an HTTP 429 waits as long as
 * {@code Retry-After} (or {@code X-RateLimit-Reset}) says and tries again; a transient
 * failure (a 5xx, a connection that broke or timed out) is retried with exponential
 * backoff and full jitter. Any other answer is the caller's to read. Never logs headers,
 * so no credential reaches the log.
 */
public final class DeskHttp {

	private static final Logger log = LoggerFactory.getLogger(DeskHttp.class);

	private final String vendor;

	private final HttpClient client;

	private final Limits limits;

	private final Object pace = new Object();

	private long nextRequestNanos;

	/**
	 * @param requestsPerMinute the most requests a minute (0: no spacing)
	 * @param attempts how often a transient failure is tried in all
	 * @param backoff the first retry's longest wait; each further one doubles, up to
	 * {@code maxBackoff}
	 * @param maxRateLimitWaits how many 429s in a row one request waits out before giving
	 * up
	 * @param timeout the longest wait for an answer
	 */
	public record Limits(int requestsPerMinute, int attempts, Duration backoff, Duration maxBackoff,
			int maxRateLimitWaits, Duration timeout) {

	}

	public DeskHttp(String vendor, Limits limits) {
		this.vendor = vendor;
		this.limits = limits;
		this.client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** An answer other than a 429 or a transient failure. */
	public record Answer(int status, String body, URI uri) {

		public boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	/** The vendor could not be reached, or kept failing, within the attempts allowed. */
	public static class DeskUnavailable extends RuntimeException {

		public DeskUnavailable(String message, Throwable cause) {
			super(message, cause);
		}

	}

	public Answer send(HttpRequest.Builder request) {
		HttpRequest built = request.timeout(this.limits.timeout()).build();
		int failures = 0;
		int rateLimited = 0;
		while (true) {
			awaitTurn();
			HttpResponse<String> response;
			try {
				response = this.client.send(built, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				failures++;
				if (failures >= this.limits.attempts()) {
					throw new DeskUnavailable(this.vendor + " did not answer " + path(built) + " after " + failures
							+ " attempts: " + ex.getClass().getSimpleName(), ex);
				}
				backOff(built, failures, ex.getClass().getSimpleName());
				continue;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new DeskUnavailable("interrupted while asking " + this.vendor, ex);
			}
			int status = response.statusCode();
			if (status == 429) {
				rateLimited++;
				if (rateLimited > this.limits.maxRateLimitWaits()) {
					throw new DeskUnavailable(this.vendor + " kept answering 429 to " + path(built), null);
				}
				Duration wait = retryAfter(response);
				log.info("{} rate limit reached on {}: waiting {} s as asked", this.vendor, path(built),
						wait.toMillis() / 1000.0);
				sleep(wait);
				continue;
			}
			if (status >= 500 || status == 408) {
				failures++;
				if (failures >= this.limits.attempts()) {
					throw new DeskUnavailable(
							this.vendor + " answered " + status + " to " + path(built) + " " + failures + " times",
							null);
				}
				backOff(built, failures, "HTTP " + status);
				continue;
			}
			return new Answer(status, response.body(), built.uri());
		}
	}

	/** Waits until the next request keeps within the per-minute limit. */
	private void awaitTurn() {
		if (this.limits.requestsPerMinute() <= 0) {
			return;
		}
		long spacing = 60_000_000_000L / this.limits.requestsPerMinute();
		long wait;
		synchronized (this.pace) {
			long now = System.nanoTime();
			long turn = Math.max(now, this.nextRequestNanos);
			this.nextRequestNanos = turn + spacing;
			wait = turn - now;
		}
		if (wait > 0) {
			sleep(Duration.ofNanos(wait));
		}
	}

	private void backOff(HttpRequest request, int failures, String why) {
		long cap = Math.min(this.limits.maxBackoff().toMillis(),
				this.limits.backoff().toMillis() * (1L << Math.min(20, failures - 1)));
		// Full jitter: instances that failed together do not retry together.
		long wait = ThreadLocalRandom.current().nextLong(cap + 1);
		log.info("{} failed on {} ({}); retry {} of {} in {} ms", this.vendor, path(request), why, failures,
				this.limits.attempts() - 1, wait);
		sleep(Duration.ofMillis(wait));
	}

	/**
	 * {@code Retry-After} in seconds or as an HTTP date; else {@code X-RateLimit-Reset}
	 * (Intercom: the Unix time the window resets); else a minute.
	 */
	static Duration retryAfter(HttpResponse<?> response) {
		String after = response.headers().firstValue("Retry-After").orElse(null);
		if (after != null) {
			try {
				return Duration.ofSeconds(Math.max(0, Long.parseLong(after.trim())));
			}
			catch (NumberFormatException ex) {
				try {
					Instant at = ZonedDateTime.parse(after.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
					return Duration.between(Instant.now(), at).isNegative() ? Duration.ZERO
							: Duration.between(Instant.now(), at);
				}
				catch (RuntimeException ignored) {
					// fall through
				}
			}
		}
		String reset = response.headers().firstValue("X-RateLimit-Reset").orElse(null);
		if (reset != null) {
			try {
				Duration wait = Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(reset.trim())));
				return wait.isNegative() ? Duration.ofSeconds(1) : wait.plusSeconds(1);
			}
			catch (RuntimeException ignored) {
				// fall through
			}
		}
		return Duration.ofMinutes(1);
	}

	private static String path(HttpRequest request) {
		return request.method() + " " + request.uri().getPath();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeskUnavailable("interrupted while waiting", ex);
		}
	}

}
