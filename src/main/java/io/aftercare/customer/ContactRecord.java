package io.aftercare.customer;

import io.aftercare.shared.SourceKey;
import io.aftercare.shared.Text;

/**
 * A contact person as another system describes it, attached to a customer by that
 * customer's source key.
 */
public record ContactRecord(SourceKey key, SourceKey customer, String name, String email, String role, boolean primary,
		String timeZone) {

	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
		.compile("[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;]+");

	public ContactRecord {
		if (key == null || customer == null) {
			throw new IllegalArgumentException("the contact's and its customer's source keys are required");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name is required");
		}
		if (name.length() > 200) {
			throw new IllegalArgumentException("name is longer than 200 characters");
		}
		// Checked strictly: a contact's address becomes a mail header.
		if (email != null && !email.isBlank() && (email.length() > 320 || !EMAIL.matcher(email.trim()).matches())) {
			throw new IllegalArgumentException("email is not a valid address");
		}
		if (timeZone != null && !timeZone.isBlank()) {
			try {
				java.time.ZoneId.of(timeZone);
			}
			catch (java.time.DateTimeException ex) {
				throw new IllegalArgumentException("timeZone is not a known time zone");
			}
		}
		name = name.trim();
		Text.atMost(120, "role", role);
		email = (email == null || email.isBlank()) ? null : email.trim();
	}

}
