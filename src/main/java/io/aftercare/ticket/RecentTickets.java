package io.aftercare.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a customer's tickets to list: those opened or resolved since {@code since}
 * (and before {@code until}, when given), in the given statuses (all when none is given),
 * newest first, at most {@code limit}.
 */
public record RecentTickets(Set<TicketStatus> statuses, Instant since, Instant until, int limit) {

	public static final int MAX_LIMIT = 200;

	public RecentTickets {
		// "status=" and "status=,," name no status, which means all of them.
		statuses = (statuses != null)
				? statuses.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet()) : Set.of();
		if (since == null) {
			throw new IllegalArgumentException("since is required");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
		if (until != null && !until.isAfter(since)) {
			throw new IllegalArgumentException("until must be after since");
		}
	}

	/** Tickets opened or resolved since {@code since}, up to now. */
	public RecentTickets(Set<TicketStatus> statuses, Instant since, int limit) {
		this(statuses, since, null, limit);
	}

}
