package io.aftercare.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in, API tokens and the API's rate limit behave ({@code aftercare.account.*}).
 *
 * @param tokens lifetimes of API tokens
 * @param rateLimit requests one token (or one password user) may make to the API
 * @param signIn the throttle on failed password sign-ins
 * @param sso single sign-on with an OpenID Connect provider
 */
@ConfigurationProperties("aftercare.account")
record AccountSettings(@DefaultValue Tokens tokens, @DefaultValue RateLimit rateLimit, @DefaultValue SignIn signIn,
		@DefaultValue Sso sso) {

	/**
	 * @param defaultLifetime how long a token lives when its creator names no expiry
	 * @param maxLifetime the longest expiry a creator may choose
	 * @param rememberChecked whether an instance on PostgreSQL remembers the tokens it
	 * checked until the database tells it of a change (one statement fewer a request; a
	 * token revoked on another instance then stops working milliseconds later, not at the
	 * revoking commit)
	 */
	record Tokens(@DefaultValue("90d") Duration defaultLifetime, @DefaultValue("730d") Duration maxLifetime,
			@DefaultValue("true") boolean rememberChecked) {
	}

	/**
	 * A token bucket per token: {@code requests} per {@code period}, refilled evenly, so
	 * a burst of up to {@code requests} passes and the sustained rate is
	 * {@code requests / period}.
	 */
	record RateLimit(@DefaultValue("1200") int requests, @DefaultValue("1m") Duration period) {
	}

	/**
	 * After {@code freeFailures} consecutive failures an account waits before its next
	 * attempt, twice as long after each further failure, at most {@code maxDelay}; after
	 * {@code lockOutAfter} failures (NIST SP 800-63B allows at most 100) each attempt
	 * waits {@code lockOut}. The address the account last signed in from is spared these
	 * waits, so an attacker cannot lock a user out. Each client address may fail
	 * {@code addressFailures} times per {@code addressPeriod}, whatever the account.
	 */
	record SignIn(@DefaultValue("5") int freeFailures, @DefaultValue("5m") Duration maxDelay,
			@DefaultValue("100") int lockOutAfter, @DefaultValue("1h") Duration lockOut,
			@DefaultValue("30") int addressFailures, @DefaultValue("15m") Duration addressPeriod) {
	}

	/**
	 * @param createUsers whether a person whose verified email matches no user is created
	 * as a CSM on their first single sign-on (otherwise refused)
	 */
	record Sso(@DefaultValue("false") boolean createUsers) {
	}

}
