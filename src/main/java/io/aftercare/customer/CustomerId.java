package io.aftercare.customer;

/**
 * Identifies a customer in Aftercare.
 */
public record CustomerId(long value) {

	public CustomerId {
		if (value <= 0) {
			throw new IllegalArgumentException("customer id must be positive");
		}
	}

}
