package io.aftercare.ingestion;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a batch: how many records came in and what became of them.
 * {@code records} lists every rejected record, but stored ones only among the first
 * {@value #DETAILED_RECORDS}, so that the answer to a stream of a million records stays
 * small; {@code recordsComplete} is false and {@code recordsOmitted} counts the left-out
 * entries when that happened.
 */
public record IngestionReport(int received, int created, int updated, int unchanged, int rejected,
		List<RecordOutcome> records, boolean recordsComplete, int recordsOmitted) {

	/** Stored records beyond this index are counted but not listed one by one. */
	public static final int DETAILED_RECORDS = 1000;

	public IngestionReport {
		records = List.copyOf(records);
	}

	/** Adds up the outcomes of a batch as they come. */
	static final class Tally {

		private int received;

		private int created;

		private int updated;

		private int unchanged;

		private int rejected;

		private int omitted;

		private final List<RecordOutcome> records = new ArrayList<>();

		void add(RecordOutcome outcome) {
			this.received++;
			switch (outcome.outcome()) {
				case CREATED -> this.created++;
				case UPDATED -> this.updated++;
				case UNCHANGED -> this.unchanged++;
				case REJECTED -> this.rejected++;
			}
			if (outcome.rejected() || outcome.index() < DETAILED_RECORDS) {
				this.records.add(outcome);
			}
			else {
				this.omitted++;
			}
		}

		int received() {
			return this.received;
		}

		IngestionReport report() {
			return new IngestionReport(this.received, this.created, this.updated, this.unchanged, this.rejected,
					this.records, this.omitted == 0, this.omitted);
		}

	}

}
