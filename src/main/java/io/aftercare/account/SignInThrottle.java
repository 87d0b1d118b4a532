package io.aftercare.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.aftercare.shared.SqlTime;
import io.github.bucket4j.Bucket;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The throttle on failed password sign-ins, on the form and on HTTP Basic alike,
 * following NIST SP 800-63B (5.2.2): per account, the first few failures cost nothing,
 * then each attempt waits, twice as long after each failure up to a few minutes, and
 * after at most 100 consecutive failures an hour; the count is in the database, so every
 * instance sees it. The address the account last signed in from successfully is spared
 * the account's waits, so an attacker who knows a username cannot lock its owner out;
 * single sign-on and API tokens never wait. Per client address, a token bucket lets a few
 * dozen failures through per quarter of an hour, whatever the accounts tried (per
 * instance).
 * <p>
 * A throttled attempt is refused before its password is checked, so it costs no password
 * hash either.
 */
@Component
class SignInThrottle {

	private static final int MAX_ADDRESSES = 10_000;

	private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final AccountSettings.SignIn settings;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, AccountSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings.signIn();
		this.clock = clock;
	}

	/** How long this attempt must wait, if at all. */
	Optional<Duration> wait(String username, String address) {
		Bucket bucket = (address != null) ? this.addresses.get(address) : null;
		if (bucket != null && bucket.getAvailableTokens() < 1) {
			return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
		}
		return this.jdbc.sql("""
				select failures, last_failure_at, last_success_address from sign_in_failures where username = :u
				""").param("u", username).query((rs, i) -> {
			if (address != null && address.equals(rs.getString("last_success_address"))) {
				return Duration.ZERO;
			}
			Instant last = SqlTime.instant(rs, "last_failure_at");
			Duration delay = delay(rs.getInt("failures"));
			return (last == null) ? Duration.ZERO : Duration.between(this.clock.instant(), last.plus(delay));
		}).optional().filter((wait) -> !wait.isNegative() && !wait.isZero());
	}

	/** The wait after {@code failures} consecutive failures. */
	Duration delay(int failures) {
		if (failures >= this.settings.lockOutAfter()) {
			return this.settings.lockOut();
		}
		if (failures < this.settings.freeFailures()) {
			return Duration.ZERO;
		}
		int doublings = Math.min(30, failures - this.settings.freeFailures());
		Duration delay = Duration.ofSeconds(1L << doublings);
		return (delay.compareTo(this.settings.maxDelay()) > 0) ? this.settings.maxDelay() : delay;
	}

	void failed(String username, String address) {
		if (address != null) {
			if (this.addresses.size() > MAX_ADDRESSES) {
				// Forget the addresses that have nothing to hold against them.
				this.addresses.values().removeIf((b) -> b.getAvailableTokens() >= this.settings.addressFailures());
			}
			this.addresses.computeIfAbsent(address, (key) -> newBucket()).tryConsume(1);
		}
		countFailure(username);
	}

	private void countFailure(String username) {
		var at = SqlTime.utc(this.clock.instant());
		int updated = this.jdbc.sql("""
				update sign_in_failures set failures = failures + 1, last_failure_at = :now where username = :u
				""").param("now", at).param("u", username).update();
		if (updated == 0) {
			try {
				this.jdbc.sql("""
						insert into sign_in_failures (username, failures, last_failure_at)
						select username, 1, :now from csm_users where username = :u
						""").param("now", at).param("u", username).update();
			}
			catch (DuplicateKeyException ex) {
				// Another failure of the same user at the same moment created the row.
				countFailure(username);
			}
		}
	}

	void succeeded(String username, String address) {
		int updated = this.jdbc.sql("""
				update sign_in_failures set failures = 0, last_failure_at = null, last_success_address = :address
				where username = :u
				""").param("address", address).param("u", username).update();
		if (updated == 0) {
			try {
				this.jdbc.sql("""
						insert into sign_in_failures (username, failures, last_success_address)
						select username, 0, :address from csm_users where username = :u
						""").param("address", address).param("u", username).update();
			}
			catch (DuplicateKeyException ex) {
				// Another sign-in of the same user at the same moment wrote it.
			}
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.settings.addressFailures())
				.refillGreedy(this.settings.addressFailures(), this.settings.addressPeriod()))
			.build();
	}

}
