package io.aftercare.ticket;

import java.time.Instant;
import java.util.List;

import io.aftercare.shared.SourceKey;
import io.aftercare.shared.Text;
import io.aftercare.shared.TimeRange;

/**
 * A ticket as its desk describes it, to be created or updated under its source key. The
 * customer and the requester are named by their own source keys.
 */
public record TicketRecord(SourceKey key, SourceKey customer, String number, String subject, String description,
		String productArea, TicketPriority priority, TicketStatus status, Instant openedAt, Instant resolvedAt,
		Instant reopenedAt, int reopenCount, SourceKey requester, boolean escalated, String escalatedTo,
		String resolutionSummary, String satisfactionRating, List<String> tags, List<Participant> participants,
		List<TicketComment> comments) {

	/**
	 * The longest description: some 40 pages of text, far more than any desk's ticket
	 * holds, far less than would hurt.
	 */
	public static final int MAX_DESCRIPTION_LENGTH = 100_000;

	public TicketRecord {
		if (key == null || customer == null) {
			throw new IllegalArgumentException("the ticket's and its customer's source keys are required");
		}
		if (subject == null || subject.isBlank()) {
			throw new IllegalArgumentException("subject is required");
		}
		if (subject.length() > 500) {
			throw new IllegalArgumentException("subject is longer than 500 characters");
		}
		if (priority == null) {
			throw new IllegalArgumentException("priority is required");
		}
		if (status == null) {
			throw new IllegalArgumentException("status is required");
		}
		if (openedAt == null) {
			throw new IllegalArgumentException("openedAt is required");
		}
		// Whichever way the ticket came (the API's JSON, a file, a desk): a year 1 or
		// 10000 is a typo or a probe, and a record held for later must be one that can
		// land.
		TimeRange.require("openedAt", openedAt);
		TimeRange.require("resolvedAt", resolvedAt);
		TimeRange.require("reopenedAt", reopenedAt);
		if (status.isResolved() && resolvedAt == null) {
			throw new IllegalArgumentException(
					"resolvedAt is required for a " + status.name().toLowerCase() + " ticket");
		}
		if (resolvedAt != null && resolvedAt.isBefore(openedAt)) {
			throw new IllegalArgumentException("resolvedAt is before openedAt");
		}
		if (reopenCount < 0) {
			throw new IllegalArgumentException("reopenCount must not be negative");
		}
		if (resolutionSummary != null && resolutionSummary.length() > 2000) {
			throw new IllegalArgumentException("resolutionSummary is longer than 2000 characters");
		}
		number = (number == null || number.isBlank()) ? key.externalId() : number.trim();
		if (number.length() > 64) {
			throw new IllegalArgumentException("number is longer than 64 characters");
		}
		subject = subject.trim();
		Text.atMost(MAX_DESCRIPTION_LENGTH, "description", description);
		Text.atMost(120, "productArea", productArea);
		Text.atMost(120, "escalatedTo", escalatedTo);
		Text.atMost(16, "satisfactionRating", satisfactionRating);
		if (tags != null) {
			tags.forEach((tag) -> Text.atMost(100, "tag", tag));
		}
		tags = (tags != null) ? tags.stream()
			.filter((tag) -> tag != null && !tag.isBlank())
			.map((tag) -> tag.trim().toLowerCase(java.util.Locale.ROOT))
			.distinct()
			.sorted()
			.toList() : List.of();
		participants = (participants != null) ? List.copyOf(participants) : List.of();
		comments = (comments != null) ? List.copyOf(comments) : List.of();
		for (int i = 0; i < comments.size(); i++) {
			TimeRange.require("comments[" + i + "].createdAt", comments.get(i).createdAt());
		}
	}

}
