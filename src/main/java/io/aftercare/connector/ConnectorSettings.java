package io.aftercare.connector;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every connector.
 *
 * @param webhookTolerance how far a webhook's signed timestamp may lie from our clock
 * before it is refused as stale (a replay, or a clock far off)
 * @param webhookMaxBytes the largest webhook body accepted
 * @param inboxEvery how often the durable worker looks for webhooks not processed yet
 * (each receipt also wakes a worker at once)
 * @param inboxBatch how many webhooks a worker takes at a time
 * @param inboxLease how long a taken webhook is left to its worker before another may
 * take it (a worker that died)
 * @param inboxAttempts after this many failed attempts a webhook is marked failed, for an
 * admin to see and put back in line
 * @param inboxKeep how long a webhook processed or failed stays in the inbox: while it is
 * there, a redelivery of it is known as one and a failure can be read; then it is deleted
 * @param inboxWorker whether this instance processes the inbox; an instance that only
 * receives ({@code false}) stores and acknowledges webhooks and leaves them to the
 * instances where it is {@code true}, so that a burst of webhooks and its processing do
 * not share one instance's cores
 */
@ConfigurationProperties("aftercare.connectors")
public record ConnectorSettings(@DefaultValue("PT5M") Duration webhookTolerance,
		@DefaultValue("1048576") int webhookMaxBytes, @DefaultValue("PT5S") Duration inboxEvery,
		@DefaultValue("500") int inboxBatch, @DefaultValue("PT2M") Duration inboxLease,
		@DefaultValue("5") int inboxAttempts, @DefaultValue("P30D") Duration inboxKeep,
		@DefaultValue("true") boolean inboxWorker) {

	public ConnectorSettings {
		// A redelivery must still find its row for as long as the desks' own stale
		// checks accept it (Intercom's, the longest, a day by default).
		if (inboxKeep.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"aftercare.connectors.inbox-keep must be at least a day (P1D), was " + inboxKeep);
		}
	}

}
