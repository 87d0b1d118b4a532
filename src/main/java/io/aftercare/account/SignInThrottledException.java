package io.aftercare.account;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A password sign-in refused without checking the password, because of earlier failures
 * for this account or from this address. Says when to try again.
 */
class SignInThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	SignInThrottledException(Duration retryAfter) {
		super("Too many failed sign-ins. Try again in " + words(retryAfter) + ".");
		this.retryAfter = retryAfter;
	}

	/** Whole seconds, at least one, as {@code Retry-After} wants them. */
	long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

	static String words(Duration wait) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		if (seconds < 90) {
			return seconds + ((seconds == 1) ? " second" : " seconds");
		}
		long minutes = (seconds + 59) / 60;
		return minutes + " minutes";
	}

}
