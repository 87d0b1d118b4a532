package io.aftercare.customer;

/**
 * Identifies a contact person at a customer.
 */
public record ContactId(long value) {

	public ContactId {
		if (value <= 0) {
			throw new IllegalArgumentException("contact id must be positive");
		}
	}

}
