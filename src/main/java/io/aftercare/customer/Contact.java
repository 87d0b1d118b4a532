package io.aftercare.customer;

/**
 * A person at a customer whom a follow-up can address. {@code language} is the language
 * tag their desk or record gives ({@code de-CH}), {@code null} when none does.
 */
public record Contact(ContactId id, CustomerId customerId, String name, String email, String role, boolean primary,
		String timeZone, String language) {

	/** A contact whose language is not recorded. */
	public Contact(ContactId id, CustomerId customerId, String name, String email, String role, boolean primary,
			String timeZone) {
		this(id, customerId, name, email, role, primary, timeZone, null);
	}

	/** How a personal email greets them: the first word of their name. */
	public String firstName() {
		String trimmed = this.name.trim();
		int space = trimmed.indexOf(' ');
		return (space > 0) ? trimmed.substring(0, space) : trimmed;
	}

}
