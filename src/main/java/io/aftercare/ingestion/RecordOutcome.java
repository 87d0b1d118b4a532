package io.aftercare.ingestion;

import io.aftercare.shared.Change;

/**
 * What became of the record at {@code index} (0-based, in the order received) of a batch.
 * {@code key} names it as its source does ({@code zendesk:org-1}), {@code id} is the
 * stored row (for a health score, the customer's id), {@code reason} says why a record
 * was rejected.
 */
public record RecordOutcome(int index, String key, Outcome outcome, Long id, String reason) {

	public RecordOutcome {
		if (outcome == null) {
			throw new IllegalArgumentException("outcome is required");
		}
	}

	static RecordOutcome stored(int index, String key, Change change, long id) {
		return new RecordOutcome(index, key, Outcome.valueOf(change.name()), id, null);
	}

	static RecordOutcome rejected(int index, String key, String reason) {
		return new RecordOutcome(index, key, Outcome.REJECTED, null,
				(reason != null && !reason.isBlank()) ? reason : "rejected");
	}

	public boolean rejected() {
		return this.outcome == Outcome.REJECTED;
	}

}
