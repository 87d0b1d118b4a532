package io.aftercare.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * One email ready to go. Addresses are checked here; the subject must be one line, so no
 * text from a customer can add a mail header. {@link #toMime} builds the standard message
 * every transport sends.
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

	/**
	 * The RFC 5322 message of this email, the same whatever transport sends it (outbox,
	 * SMTP, Gmail): our Message-ID (never one Jakarta Mail invents), From and Reply-To
	 * the sender so replies reach them, To, Subject, Date, the text body with the HTML
	 * body as its alternative when there is one, and a request that auto-responders stay
	 * quiet.
	 * @param session the mail session to build it in
	 * @param date when it is sent, for the Date header
	 * @return the message, with its headers final
	 * @throws MessagingException when Jakarta Mail cannot build it
	 */
	public MimeMessage toMime(Session session, Instant date) throws MessagingException {
		MimeMessage message = new FixedIdMimeMessage(session, this.messageId);
		MimeMessageHelper helper = new MimeMessageHelper(message, this.htmlBody != null, StandardCharsets.UTF_8.name());
		helper.setFrom(this.from.toAddress());
		helper.setReplyTo(this.from.toAddress());
		helper.setTo(this.to.toAddress());
		helper.setSubject(this.subject);
		if (this.htmlBody != null) {
			helper.setText(this.textBody, this.htmlBody);
		}
		else {
			helper.setText(this.textBody);
		}
		message.setSentDate(Date.from(date));
		// Ask auto-responders to stay quiet: an out-of-office is not a reply to the
		// follow-up.
		message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
		message.saveChanges();
		return message;
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

		InternetAddress toAddress() {
			try {
				return new InternetAddress(this.address, this.name, StandardCharsets.UTF_8.name());
			}
			catch (UnsupportedEncodingException ex) {
				throw new IllegalStateException("UTF-8 is not supported", ex);
			}
		}

	}

	/**
	 * Keeps the Message-ID we chose and stored; Jakarta Mail would otherwise invent one
	 * on save.
	 */
	private static final class FixedIdMimeMessage extends MimeMessage {

		private final String messageId;

		FixedIdMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
