package io.aftercare.ingestion;

/**
 * What became of one incoming record.
 */
public enum Outcome {

	CREATED, UPDATED, UNCHANGED,
	/** Not stored; the reason says why. Its neighbours in the batch are not affected. */
	REJECTED

}
