package io.aftercare.ingestion;

/**
 * A batch could not be read to its end (its JSON broke off in the middle, the client went
 * away). The chunks before the failure are committed; {@link #storedBefore()} says what
 * became of them.
 */
public class IngestionInterrupted extends RuntimeException {

	private final transient IngestionReport storedBefore;

	IngestionInterrupted(IngestionReport storedBefore, RuntimeException cause) {
		super("batch interrupted after " + storedBefore.received() + " records", cause);
		this.storedBefore = storedBefore;
	}

	public IngestionReport storedBefore() {
		return this.storedBefore;
	}

}
