package io.aftercare.shared;

/**
 * What an idempotent write did to the stored record.
 */
public enum Change {

	CREATED, UPDATED, UNCHANGED

}
