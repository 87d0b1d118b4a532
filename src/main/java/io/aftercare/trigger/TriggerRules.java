package io.aftercare.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.aftercare.ticket.TicketDurations;
import io.aftercare.ticket.TicketPriority;

/**
 * Whether a resolution calls for a follow-up nobody asked for, and why, in words a CSM
 * reads in the draft ("urgent ticket resolved after over 4 days"). Pure: the facts come
 * in, the reasons go out.
 */
final class TriggerRules {

	private final TriggerSettings settings;

	TriggerRules(TriggerSettings settings) {
		this.settings = settings;
	}

	/**
	 * How far the tickets resolved in the repeat window need counting: beyond this many,
	 * the reason says "this many or more" (a customer with thousands a month must not
	 * make every resolution count them all).
	 */
	static final int COUNTED_AT_MOST = 100;

	/**
	 * What was resolved, and what is known around it.
	 * @param resolvedInWindow tickets of the customer resolved within the repeat window
	 * up to this one, this one included, counted up to {@link #COUNTED_AT_MOST}
	 */
	/**
	 * @param riskSignal what else puts the customer at risk (their last answer read
	 * frustrated), in words; null when nothing does
	 */
	record Resolution(String ticketNumber, TicketPriority priority, Instant openedAt, Instant resolvedAt,
			boolean customerAtRisk, String riskSignal, int resolvedInWindow) {
	}

	/** The reasons to draft, none when no rule fires. */
	List<String> reasons(Resolution resolution) {
		List<String> reasons = new ArrayList<>();
		if (this.settings.urgent().enabled() && this.settings.urgent().priorities().contains(resolution.priority())) {
			reasons.add(kind(resolution.priority()) + " " + resolution.ticketNumber() + " resolved after "
					+ TicketDurations.describe(Duration.between(resolution.openedAt(), resolution.resolvedAt())));
		}
		if (this.settings.repeat().enabled() && resolution.resolvedInWindow() >= this.settings.repeat().tickets()) {
			String within = " resolved for them within " + TicketDurations.describe(this.settings.repeat().window());
			reasons
				.add((resolution.resolvedInWindow() >= COUNTED_AT_MOST) ? COUNTED_AT_MOST + " or more tickets" + within
						: ordinal(resolution.resolvedInWindow()) + " ticket" + within);
		}
		if (this.settings.atRisk().enabled() && (resolution.customerAtRisk() || resolution.riskSignal() != null)) {
			reasons.add("ticket " + resolution.ticketNumber() + " resolved for a customer at risk"
					+ ((resolution.riskSignal() != null) ? ": " + resolution.riskSignal() : ""));
		}
		return reasons;
	}

	/** The reason a bad rating gives, when that rule is on. */
	List<String> reasonsForBadRating(String ticketNumber) {
		return this.settings.badRating().enabled() ? List.of("bad satisfaction rating on ticket " + ticketNumber)
				: List.of();
	}

	private static String kind(TicketPriority priority) {
		return switch (priority) {
			case URGENT -> "urgent ticket";
			default -> priority.label().toLowerCase(java.util.Locale.ROOT) + "-priority ticket";
		};
	}

	private static String ordinal(int count) {
		return switch (count) {
			case 2 -> "second";
			case 3 -> "third";
			case 4 -> "fourth";
			case 5 -> "fifth";
			default -> count + ((count % 100 >= 11 && count % 100 <= 13) ? "th" : switch (count % 10) {
				case 1 -> "st";
				case 2 -> "nd";
				case 3 -> "rd";
				default -> "th";
			});
		};
	}

}
