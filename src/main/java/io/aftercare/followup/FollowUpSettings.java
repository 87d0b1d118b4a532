package io.aftercare.followup;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the follow-up module.
 *
 * @param sendWait how long a request to send now waits for the outcome before it answers
 * that the follow-up is queued
 * @param retryFirst the wait before the first retry after the mail server deferred an
 * email or was out of reach; each further retry waits twice as long
 * @param retryMax the longest wait between two retries
 * @param retryJitter the share of each wait drawn at random (0.2: plus or minus 20%), so
 * that deferred emails do not all come back at once
 * @param sendAttempts attempts after which a send that keeps being deferred is given up
 * and recorded as failed, with the last answer
 * @param queueUpkeepEvery how often follow-ups queued without an entry in the send queue
 * (sends from before the queue existed) are handed to it
 * @param businessOpens the start of a contact's business day, and the time a scheduled
 * morning send goes out, in the contact's time zone
 * @param businessCloses the end of a contact's business day
 */
@ConfigurationProperties("aftercare.followup")
record FollowUpSettings(@DefaultValue("PT10S") Duration sendWait, @DefaultValue("PT30S") Duration retryFirst,
		@DefaultValue("PT30M") Duration retryMax, @DefaultValue("0.2") double retryJitter,
		@DefaultValue("10") int sendAttempts, @DefaultValue("PT5M") Duration queueUpkeepEvery,
		@DefaultValue("09:00") LocalTime businessOpens, @DefaultValue("17:00") LocalTime businessCloses) {

	FollowUpSettings {
		if (retryJitter < 0 || retryJitter >= 1) {
			throw new IllegalArgumentException("aftercare.followup.retry-jitter must be at least 0 and below 1");
		}
		if (sendAttempts < 1) {
			throw new IllegalArgumentException("aftercare.followup.send-attempts must be at least 1");
		}
		if (!businessOpens.isBefore(businessCloses)) {
			throw new IllegalArgumentException("aftercare.followup.business-opens must be before business-closes");
		}
	}

	/**
	 * The wait before the next try, after {@code attempts} attempts, with {@code random}
	 * (0 to 1) drawn for the jitter.
	 */
	Duration retryDelay(int attempts, double random) {
		long base = this.retryFirst.toMillis();
		for (int i = 1; i < attempts && base < this.retryMax.toMillis(); i++) {
			base *= 2;
		}
		base = Math.min(base, this.retryMax.toMillis());
		double factor = 1 + this.retryJitter * (2 * random - 1);
		return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
	}

}
