package io.aftercare.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.customer.ContactId;
import io.aftercare.customer.CustomerId;

/**
 * A support ticket of a customer.
 */
public record Ticket(TicketId id, CustomerId customerId, String sourceSystem, String number, String subject,
		String description, String productArea, TicketPriority priority, TicketStatus status, Instant openedAt,
		Instant resolvedAt, Instant reopenedAt, int reopenCount, ContactId requester, boolean escalated,
		String escalatedTo, String resolutionSummary, String satisfactionRating, List<String> tags) {

	private static final Pattern LAST_DIGITS = Pattern.compile("(\\d+)\\D*$");

	private static final Pattern NUMBER_END = Pattern.compile("\\d{3,}");

	public Ticket {
		tags = List.copyOf(tags);
	}

	/** How long it was open: until resolution, or until now while it is still open. */
	public Duration duration(Instant now) {
		Instant end = (this.resolvedAt != null && this.status.isResolved()) ? this.resolvedAt : now;
		return Duration.between(this.openedAt, end);
	}

	/**
	 * Whether a number's last run of digits is the given one, leading zeros aside: what a
	 * person types for "TF-2024-0847" when the customer is already clear ("0847", "847").
	 * @param number a ticket number
	 * @param digits the digits typed
	 * @return whether they name that number
	 */
	public static boolean numberEndsIn(String number, String digits) {
		if (number == null || !couldEndANumber(digits)) {
			return false;
		}
		Matcher last = LAST_DIGITS.matcher(number);
		return last.find() && last.group(1).replaceFirst("^0+", "").equals(digits.replaceFirst("^0+", ""));
	}

	/**
	 * Whether what was typed can be the end of a ticket number: three digits or more,
	 * fewer would name too many.
	 */
	public static boolean couldEndANumber(String digits) {
		return digits != null && NUMBER_END.matcher(digits).matches();
	}

	public boolean isResolved() {
		return this.status.isResolved() && this.resolvedAt != null;
	}

}
