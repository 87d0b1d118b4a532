package io.aftercare.intercom;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Aftercare reaches Intercom, all from the environment
 * ({@code AFTERCARE_INTERCOM_*}). Secrets are never logged.
 *
 * @param accessToken the app's access token (Bearer)
 * @param clientSecret the app's client secret, which signs its webhooks
 * @param baseUrl the API's host: {@code https://api.intercom.io}, or the EU or Australian
 * one
 * @param version the {@code Intercom-Version} the payloads are read in
 * @param backfillSince how far back the first backfill reaches
 * @param pollEvery how often the catch-up asks for what changed
 * @param requestsPerMinute the share of the app's limit (10,000 a minute) we take
 * @param pageSize conversations per search page (at most 150)
 * @param webhookMaxAge how old a notification may be before it is refused as stale
 * @param parts whether each closed conversation's parts (its replies and notes) are read
 * @param runBudget how long one run may read pages before it lets the next run go on
 * @param attempts how often a transient failure is tried
 * @param backoff the first retry's longest wait, doubled on each further one
 * @param syncEnabled whether the backfill and catch-up run (when the API is configured)
 */
@ConfigurationProperties("aftercare.intercom")
record IntercomSettings(String accessToken, String clientSecret, @DefaultValue("https://api.intercom.io") URI baseUrl,
		@DefaultValue("2.11") String version, @DefaultValue("P365D") Duration backfillSince,
		@DefaultValue("PT1M") Duration pollEvery, @DefaultValue("1000") int requestsPerMinute,
		@DefaultValue("50") int pageSize, @DefaultValue("P1D") Duration webhookMaxAge,
		@DefaultValue("true") boolean parts, @DefaultValue("PT10M") Duration runBudget, @DefaultValue("5") int attempts,
		@DefaultValue("PT2S") Duration backoff, @DefaultValue("true") boolean syncEnabled) {

	boolean apiConfigured() {
		return this.accessToken != null && !this.accessToken.isBlank();
	}

	boolean webhooksConfigured() {
		return this.clientSecret != null && !this.clientSecret.isBlank();
	}

	@Override
	public String toString() {
		return "IntercomSettings[api=" + this.baseUrl + ", token=" + apiConfigured() + ", webhooks="
				+ webhooksConfigured() + "]";
	}

}
