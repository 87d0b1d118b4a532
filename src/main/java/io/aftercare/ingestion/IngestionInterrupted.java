package io.aftercare.ingestion;

/**
 * A batch could not be read to its end (its JSON broke off in the middle, the client went
 * away). Every record read before the break was processed and committed, the last ones in
 * a chunk of their own; {@link #storedBefore()} says what became of each of them.
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
