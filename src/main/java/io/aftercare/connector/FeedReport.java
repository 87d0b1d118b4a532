package io.aftercare.connector;

import java.util.List;

/**
 * What became of tickets a connector delivered: stored ({@code created}, {@code updated},
 * {@code unchanged}), held for an account nobody mapped yet, or rejected with a reason (a
 * delivery keeps the first {@value #KEPT_REJECTIONS} reasons).
 */
public record FeedReport(int received, int created, int updated, int unchanged, int held, int rejected,
		List<String> rejections) {

	/** How many reasons a report of one delivery keeps. */
	static final int KEPT_REJECTIONS = 20;

	public FeedReport {
		rejections = List.copyOf(rejections);
	}

	static FeedReport empty() {
		return new FeedReport(0, 0, 0, 0, 0, 0, List.of());
	}

	/**
	 * Tickets turned away before they reached the ingestion door, each with its reason.
	 */
	static FeedReport rejected(List<String> reasons) {
		return new FeedReport(reasons.size(), 0, 0, 0, 0, reasons.size(),
				reasons.subList(0, Math.min(KEPT_REJECTIONS, reasons.size())));
	}

	public int stored() {
		return this.created + this.updated + this.unchanged;
	}

}
