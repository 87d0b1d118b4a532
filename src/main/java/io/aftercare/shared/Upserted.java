package io.aftercare.shared;

/**
 * The outcome of an idempotent write: the stored record's id and what changed.
 */
public record Upserted<I>(I id, Change change) {

	public Upserted {
		if (id == null || change == null) {
			throw new IllegalArgumentException("id and change are required");
		}
	}

}
