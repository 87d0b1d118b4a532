package io.aftercare.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * One email ready to go, written by {@code from} (the CSM). Addresses are checked here;
 * the subject must be one line and every Message-ID must be one, so no text from a
 * customer can add a mail header. {@link #toMime} builds the standard message every
 * transport sends.
 *
 * @param messageId our Message-ID, the same on every attempt
 * @param from who wrote it; it goes out from their address or the workspace's (see
 * {@link SendingAddress}), and answers go to them
 * @param to the customer's contact
 * @param subject one line
 * @param textBody the plain text
 * @param htmlBody its HTML alternative, or {@code null}
 * @param inReplyTo the Message-ID of the desk's email this one answers (the thread of the
 * ticket), or {@code null} where not known
 * @param references that thread's Message-IDs, oldest first, ending with
 * {@code inReplyTo}; empty where not known
 */
public record OutgoingEmail(String messageId, Mailbox from, Mailbox to, String subject, String textBody,
		String htmlBody, String inReplyTo, List<String> references) {

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s@\\p{Cntrl}]+@[^<>\\s@\\p{Cntrl}]+>");

	// A thread's References are cut to its root and latest Message-IDs, as mail clients
	// do, so the header stays short.
	private static final int MAX_REFERENCES = 10;

	public OutgoingEmail {
		if (!isMessageId(messageId)) {
			throw new IllegalArgumentException("messageId must look like <local@domain>");
		}
		if (inReplyTo != null && !isMessageId(inReplyTo)) {
			throw new IllegalArgumentException("inReplyTo must look like <local@domain>");
		}
		references = (references != null) ? List.copyOf(references) : List.of();
		if (!references.stream().allMatch(OutgoingEmail::isMessageId)) {
			throw new IllegalArgumentException("every reference must look like <local@domain>");
		}
		if (references.size() > MAX_REFERENCES) {
			references = java.util.stream.Stream
				.concat(references.stream().limit(1), references.stream().skip(references.size() - MAX_REFERENCES + 1))
				.toList();
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

	/** An email that starts a thread of its own. */
	public OutgoingEmail(String messageId, Mailbox from, Mailbox to, String subject, String textBody, String htmlBody) {
		this(messageId, from, to, subject, textBody, htmlBody, null, List.of());
	}

	/** Whether the text is a Message-ID we can put in a header as it is. */
	public static boolean isMessageId(String text) {
		return text != null && text.length() <= 250 && MESSAGE_ID.matcher(text).matches();
	}

	/** The message as its author sends it from their own address. */
	public MimeMessage toMime(Session session, Instant date) throws MessagingException {
		return toMime(session, date, SendingAddress.AUTHOR);
	}

	/**
	 * The RFC 5322 message of this email, the same whatever transport sends it (outbox,
	 * SMTP, Gmail): our Message-ID (never one Jakarta Mail invents), From as
	 * {@code sending} says, Reply-To the author so replies reach them, To, Subject, Date,
	 * In-Reply-To and References to the ticket's thread where known, the text body with
	 * the HTML body as its alternative when there is one, and a request that
	 * auto-responders stay quiet. No {@code Auto-Submitted}: a follow-up is a personal
	 * email. Every header is set as a whole value by the mail library, never assembled
	 * from customer text.
	 * @param session the mail session to build it in
	 * @param date when it is sent, for the Date header
	 * @param sending whose address it goes out from
	 * @return the message, with its headers final
	 * @throws MessagingException when Jakarta Mail cannot build it
	 */
	public MimeMessage toMime(Session session, Instant date, SendingAddress sending) throws MessagingException {
		MimeMessage message = new FixedIdMimeMessage(session, this.messageId);
		MimeMessageHelper helper = new MimeMessageHelper(message, this.htmlBody != null, StandardCharsets.UTF_8.name());
		helper.setFrom(sending.from(this.from).toAddress());
		helper.setReplyTo(sending.replyTo(this.from).toAddress());
		helper.setTo(this.to.toAddress());
		helper.setSubject(this.subject);
		if (this.htmlBody != null) {
			helper.setText(this.textBody, this.htmlBody);
		}
		else {
			helper.setText(this.textBody);
		}
		message.setSentDate(Date.from(date));
		if (this.inReplyTo != null) {
			message.setHeader("In-Reply-To", this.inReplyTo);
		}
		if (!this.references.isEmpty()) {
			// Checked Message-IDs only; folded so that no line grows past what SMTP
			// allows.
			message.setHeader("References", MimeUtility.fold(12, String.join(" ", this.references)));
		}
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

		/** As Jakarta Mail takes it, the name encoded where it needs to be. */
		public InternetAddress toAddress() {
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
