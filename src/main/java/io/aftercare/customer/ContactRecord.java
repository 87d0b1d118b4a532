package io.aftercare.customer;

import io.aftercare.shared.SourceKey;
import io.aftercare.shared.Text;

/**
 * A contact person as another system describes it, attached to a customer by that
 * customer's source key. A contact is someone a follow-up may be written to, so their
 * name and address are checked here, at the door, as strictly as a mail header needs: a
 * contact that no email could ever reach is refused with the reason, not later when a CSM
 * tries to send.
 */
public record ContactRecord(SourceKey key, SourceKey customer, String name, String email, String role, boolean primary,
		String timeZone, String language) {

	/** A contact whose language its source does not say. */
	public ContactRecord(SourceKey key, SourceKey customer, String name, String email, String role, boolean primary,
			String timeZone) {
		this(key, customer, name, email, role, primary, timeZone, null);
	}

	public ContactRecord {
		if (key == null || customer == null) {
			throw new IllegalArgumentException("the contact's and its customer's source keys are required");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name is required");
		}
		// The name becomes the display name of the To header.
		name = Text.headerText("name", name);
		if (name.isEmpty()) {
			throw new IllegalArgumentException("name is required");
		}
		if (name.length() > 200) {
			throw new IllegalArgumentException("name is longer than 200 characters");
		}
		email = Text.emailAddress("email", email);
		if (timeZone != null && !timeZone.isBlank()) {
			try {
				java.time.ZoneId.of(timeZone);
			}
			catch (java.time.DateTimeException ex) {
				throw new IllegalArgumentException("timeZone is not a known time zone");
			}
		}
		Text.atMost(120, "role", role);
		// A locale such as "de-CH" or "pt_BR", or a bare language code: what a desk says.
		if (language != null && !language.isBlank()) {
			language = language.strip();
			if (!language.matches("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}")) {
				throw new IllegalArgumentException("language is not a language tag such as de or de-CH");
			}
		}
		else {
			language = null;
		}
	}

}
