package io.aftercare.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event publication upkeep.
 *
 * @param retryAfter how long an event's listener may stay incomplete before it is
 * resubmitted (long enough that a listener still running is not run twice)
 * @param keepCompleted how long completed publications are kept for inspection
 * @param every how often the upkeep runs
 */
@ConfigurationProperties("aftercare.events")
record OperationsSettings(@DefaultValue("PT5M") Duration retryAfter, @DefaultValue("P7D") Duration keepCompleted,
		@DefaultValue("PT1M") Duration every) {

}
