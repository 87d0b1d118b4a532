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
 * admin to see
 */
@ConfigurationProperties("aftercare.connectors")
public record ConnectorSettings(@DefaultValue("PT5M") Duration webhookTolerance,
		@DefaultValue("1048576") int webhookMaxBytes, @DefaultValue("PT5S") Duration inboxEvery,
		@DefaultValue("500") int inboxBatch, @DefaultValue("PT2M") Duration inboxLease,
		@DefaultValue("5") int inboxAttempts) {

}
