package io.aftercare.assessment;

import java.math.BigDecimal;
import java.time.Duration;

import io.aftercare.customer.CustomerTier;
import io.aftercare.ticket.TicketPriority;

import org.springframework.util.Assert;

/**
 * What is known about a resolved ticket and its customer when deciding the follow-up.
 *
 * @param priority the priority the support team gave the ticket
 * @param timeToResolve how long the ticket was open
 * @param escalated whether support escalated it (to engineering or beyond first line)
 * @param reopenCount how many times the customer reopened it
 * @param customerStakeholders distinct people on the customer side involved in it
 * @param healthDrop health score points lost while it was open; {@code null} when
 * unknown, zero or negative when health held or improved
 * @param relatedTickets other tickets of this customer about the same problem within the
 * related window before this one's resolution
 * @param resolvedInRepeatWindow tickets of this customer resolved within the repeat
 * window up to this one's resolution, this one included
 * @param customerTone tone of the customer's own comments
 * @param tier the customer's commercial tier
 * @param arr the customer's annual recurring revenue, {@code null} when unknown
 * @param atRisk whether the customer is flagged at risk
 * @param riskSignal what else puts the customer at risk now (their last answer to a
 * follow-up read frustrated), in words for the CSM; {@code null} when nothing does
 * @param productArea the product area of the ticket ("API"), {@code null} when unknown
 * @param resolutionSummary how support resolved it, {@code null} when unknown
 */
public record TicketFacts(TicketPriority priority, Duration timeToResolve, boolean escalated, int reopenCount,
		int customerStakeholders, Integer healthDrop, int relatedTickets, int resolvedInRepeatWindow, Tone customerTone,
		CustomerTier tier, BigDecimal arr, boolean atRisk, String riskSignal, String productArea,
		String resolutionSummary) {

	public TicketFacts {
		Assert.notNull(priority, "Priority must not be null");
		Assert.notNull(timeToResolve, "Time to resolve must not be null");
		Assert.isTrue(!timeToResolve.isNegative(), () -> "Time to resolve must not be negative: " + timeToResolve);
		Assert.isTrue(reopenCount >= 0, () -> "Reopen count must not be negative: " + reopenCount);
		Assert.isTrue(customerStakeholders >= 0,
				() -> "Customer stakeholders must not be negative: " + customerStakeholders);
		Assert.isTrue(relatedTickets >= 0, () -> "Related tickets must not be negative: " + relatedTickets);
		// At least 1 is normal since this ticket counts, but 0 is accepted: callers may
		// count before the resolution is recorded.
		Assert.isTrue(resolvedInRepeatWindow >= 0,
				() -> "Resolved tickets must not be negative: " + resolvedInRepeatWindow);
		Assert.notNull(customerTone, "Customer tone must not be null");
		Assert.notNull(tier, "Customer tier must not be null");
		Assert.isTrue(arr == null || arr.signum() >= 0, () -> "ARR must not be negative: " + arr);
	}

}
