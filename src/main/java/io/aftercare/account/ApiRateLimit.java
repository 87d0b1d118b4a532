package io.aftercare.account;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.aftercare.shared.web.Problems;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's rate limit: a token bucket per API token (per user for HTTP Basic), in this
 * instance's memory. Past it a request is answered {@code 429} with {@code Retry-After}
 * and a problem detail that says when to try again; every answer carries
 * {@code RateLimit-Remaining}.
 */
class ApiRateLimit extends OncePerRequestFilter {

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AccountSettings.RateLimit settings;

	private final JsonMapper json;

	ApiRateLimit(AccountSettings.RateLimit settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		String key = (authentication instanceof ApiTokenAuthentication token) ? "token:" + token.tokenId()
				: "user:" + authentication.getName();
		ConsumptionProbe probe = this.buckets.computeIfAbsent(key, (k) -> newBucket()).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setHeader("RateLimit-Remaining", "0");
		Problems.write(response, this.json,
				Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
						"This " + ((authentication instanceof ApiTokenAuthentication) ? "token" : "user") + " may make "
								+ this.settings.requests() + " requests per " + words(this.settings.period())
								+ ". Try again in " + seconds + " seconds."));
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.settings.requests())
				.refillGreedy(this.settings.requests(), this.settings.period()))
			.build();
	}

	private static String words(java.time.Duration period) {
		if (period.toSeconds() % 3600 == 0) {
			return (period.toHours() == 1) ? "hour" : period.toHours() + " hours";
		}
		if (period.toSeconds() % 60 == 0) {
			return (period.toMinutes() == 1) ? "minute" : period.toMinutes() + " minutes";
		}
		return period.toSeconds() + " seconds";
	}

}
