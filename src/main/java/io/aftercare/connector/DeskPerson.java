package io.aftercare.connector;

import io.aftercare.shared.Text;

/**
 * The person who asked, as the desk knows them: its id, and when known their name, email
 * address and locale ({@code de-DE}, the language follow-ups are written in). Taken in as
 * a contact of the customer the ticket maps to.
 */
public record DeskPerson(String externalId, String name, String email, String locale) {

	public DeskPerson(String externalId, String name, String email) {
		this(externalId, name, email, null);
	}

	public DeskPerson {
		externalId = blankToNull(externalId);
		name = blankToNull(name);
		email = blankToNull(email);
		locale = blankToNull(locale);
		// Their account is remembered under either (desk_accounts.account_key).
		if (externalId != null && externalId.length() > 128) {
			throw new IllegalArgumentException("requester id is longer than 128 characters");
		}
		if (email != null && email.length() > 254) {
			throw new IllegalArgumentException("requester email is longer than 254 characters");
		}
		// Only a language tag is kept: anything else is no locale.
		if (locale != null && !locale.matches("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}")) {
			locale = null;
		}
	}

	/** The lower-case domain of the email address, or null. */
	public String emailDomain() {
		return Text.emailDomain(this.email);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank() || value.equals("0")) ? null : value.trim();
	}

}
