package io.aftercare.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One email ready to go. Addresses are checked here; the subject must be one line, so no
 * text from a customer can add a mail header.
 */
public record OutgoingEmail(String messageId, Mailbox from, Mailbox to, String subject, String textBody,
		String htmlBody) {

	public OutgoingEmail {
		if (messageId == null || !messageId.matches("<[^<>\\s@]+@[^<>\\s@]+>")) {
			throw new IllegalArgumentException("messageId must look like <local@domain>");
		}
		if (from == null || to == null) {
			throw new IllegalArgumentException("from and to are required");
		}
		if (subject == null || subject.isBlank() || subject.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("subject must be a single line of text");
		}
		if (textBody == null || textBody.isBlank()) {
			throw new IllegalArgumentException("text body is required");
		}
	}

	/** A name and an address, as in {@code "David Park" <david@techflow.example>}. */
	public record Mailbox(String name, String address) {

		public Mailbox {
			if (address == null) {
				throw new IllegalArgumentException("address is required");
			}
			try {
				new InternetAddress(address, true).validate();
			}
			catch (AddressException ex) {
				throw new IllegalArgumentException("'" + address + "' is not a valid email address");
			}
			if (name != null && name.chars().anyMatch(Character::isISOControl)) {
				throw new IllegalArgumentException("a mailbox name must be one line");
			}
		}

	}

}
