package io.aftercare.zendesk;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Aftercare reaches Zendesk, all from the environment ({@code AFTERCARE_ZENDESK_*}).
 * Secrets are never logged.
 *
 * @param subdomain the account's subdomain ({@code acme} for acme.zendesk.com)
 * @param baseUrl where the API is, when not {@code https://{subdomain}.zendesk.com}
 * @param email the agent whose API token is used ({@code email/token} Basic auth)
 * @param apiToken the API token
 * @param oauthToken an OAuth access token instead of email and API token
 * @param signingSecret the webhook's signing secret, exactly as Zendesk shows it; the
 * secrets of several webhooks (events, a trigger's) separated by commas
 * @param backfillSince how far back the first backfill reaches
 * @param pollEvery how often the catch-up asks for what changed
 * @param exportRequestsPerMinute the Incremental Export's limit (Zendesk documents 10)
 * @param requestsPerMinute the rest of the API's share we take (comments, users)
 * @param comments whether each resolved ticket's comments are fetched
 * @param runBudget how long one run may read pages before it lets the next run go on
 * @param attempts how often a transient failure is tried
 * @param backoff the first retry's longest wait, doubled on each further one
 * @param syncEnabled whether the backfill and catch-up run (when the API is configured)
 */
@ConfigurationProperties("aftercare.zendesk")
record ZendeskSettings(String subdomain, URI baseUrl, String email, String apiToken, String oauthToken,
		String signingSecret, @DefaultValue("P365D") Duration backfillSince, @DefaultValue("PT1M") Duration pollEvery,
		@DefaultValue("10") int exportRequestsPerMinute, @DefaultValue("200") int requestsPerMinute,
		@DefaultValue("true") boolean comments, @DefaultValue("PT10M") Duration runBudget,
		@DefaultValue("5") int attempts, @DefaultValue("PT2S") Duration backoff,
		@DefaultValue("true") boolean syncEnabled) {

	boolean apiConfigured() {
		return api() != null && (present(this.oauthToken) || (present(this.email) && present(this.apiToken)));
	}

	URI api() {
		if (this.baseUrl != null) {
			return this.baseUrl;
		}
		return present(this.subdomain) ? URI.create("https://" + this.subdomain.trim() + ".zendesk.com") : null;
	}

	/** Each webhook's secret. */
	List<String> signingSecrets() {
		if (!present(this.signingSecret)) {
			return List.of();
		}
		return Arrays.stream(this.signingSecret.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	boolean webhooksConfigured() {
		return present(this.signingSecret);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		// Never the secrets.
		return "ZendeskSettings[api=" + api() + ", webhooks=" + webhooksConfigured() + "]";
	}

}
