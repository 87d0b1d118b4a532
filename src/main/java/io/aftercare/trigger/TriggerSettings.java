package io.aftercare.trigger;

import java.time.Duration;
import java.util.Set;

import io.aftercare.ticket.TicketPriority;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When Aftercare drafts a follow-up unasked.
 *
 * @param enabled whether it ever does
 * @param delay how long after a resolution it waits, so that the fix can prove itself and
 * tickets resolved meanwhile go into the same email
 * @param freshness resolutions older than this are history, not news, whatever the desk
 * says
 * @param quietPeriod no unasked draft for a customer who got a follow-up this recently
 * @param surveyGrace no unasked draft for a ticket whose requester the desk's own survey
 * reached this recently (a bad answer to that survey is its own reason)
 * @param urgent a ticket of one of these priorities resolved
 * @param repeat this many tickets of the customer resolved within the window
 * @param atRisk any ticket resolved for a customer flagged at risk
 * @param badRating a bad answer to the desk's satisfaction survey
 * @param notice how the CSM hears of an unasked draft, beside the chat's side panel
 * @param sweepEvery how often a sweep looks for tickets left waiting past their delay
 * with no draft due for their customer (noted in the instant its customer's draft was
 * being finished), and drafts for them
 */
@ConfigurationProperties("aftercare.triggers")
record TriggerSettings(@DefaultValue("true") boolean enabled, @DefaultValue("PT2H") Duration delay,
		@DefaultValue("P7D") Duration freshness, @DefaultValue("P14D") Duration quietPeriod,
		@DefaultValue("PT24H") Duration surveyGrace, @DefaultValue Urgent urgent, @DefaultValue Repeat repeat,
		@DefaultValue Rule atRisk, @DefaultValue Rule badRating, @DefaultValue Notice notice,
		@DefaultValue("PT1M") Duration sweepEvery) {

	TriggerSettings {
		if (delay.isNegative() || freshness.isNegative() || quietPeriod.isNegative() || surveyGrace.isNegative()) {
			throw new IllegalArgumentException("trigger durations must not be negative");
		}
		if (sweepEvery.isNegative() || sweepEvery.isZero()) {
			throw new IllegalArgumentException("the sweep needs a positive interval, was " + sweepEvery);
		}
	}

	record Rule(@DefaultValue("true") boolean enabled) {
	}

	record Urgent(@DefaultValue("true") boolean enabled, @DefaultValue( {
			"HIGH", "URGENT" }) Set<TicketPriority> priorities){
	}

	record Repeat(@DefaultValue("true") boolean enabled, @DefaultValue("2") int tickets,
			@DefaultValue("P30D") Duration window) {

		Repeat {
			if (tickets < 2) {
				throw new IllegalArgumentException("a repeat needs at least 2 tickets, was " + tickets);
			}
		}

	}

	/**
	 * @param email send the owning CSM an email about each unasked draft
	 * @param from the sender of those emails
	 * @param webhookUrl a Slack-compatible incoming webhook to post each unasked draft
	 * to; none when blank
	 * @param link where the CSM reviews drafts, named in notices
	 */
	record Notice(@DefaultValue("false") boolean email, @DefaultValue("aftercare@mail.aftercare.local") String from,
			String webhookUrl, @DefaultValue("http://localhost:8080/chat") String link) {
	}

}
