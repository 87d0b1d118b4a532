package io.aftercare.customer;

/**
 * A person at a customer whom a follow-up can address.
 */
public record Contact(ContactId id, CustomerId customerId, String name, String email, String role, boolean primary,
		String timeZone) {

	/** How a personal email greets them: the first word of their name. */
	public String firstName() {
		String trimmed = this.name.trim();
		int space = trimmed.indexOf(' ');
		return (space > 0) ? trimmed.substring(0, space) : trimmed;
	}

}
