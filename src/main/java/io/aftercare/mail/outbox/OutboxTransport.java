package io.aftercare.mail.outbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

import io.aftercare.mail.MailDeliveryException;
import io.aftercare.mail.MailTransport;
import io.aftercare.mail.OutgoingEmail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The embedded transport: each email becomes a standard RFC 5322 {@code .eml} file in the
 * outbox folder, named after its Message-ID, which any mail client can open. Writing the
 * same Message-ID again leaves the first file alone.
 */
public class OutboxTransport implements MailTransport {

	private final Path outbox;

	private final Session session = Session.getInstance(new Properties());

	public OutboxTransport(Path outbox) {
		this.outbox = outbox;
	}

	@Override
	public void deliver(OutgoingEmail email) {
		Path target = this.outbox.resolve(fileName(email.messageId()));
		if (Files.exists(target)) {
			return;
		}
		try {
			Files.createDirectories(this.outbox);
			Path partial = Files.createTempFile(this.outbox, ".sending-", ".tmp");
			try (OutputStream out = Files.newOutputStream(partial)) {
				toMime(email).writeTo(out);
			}
			try {
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(partial, target);
			}
		}
		catch (IOException | MessagingException ex) {
			throw new MailDeliveryException("Could not write to the outbox " + this.outbox + ": " + ex.getMessage(),
					ex);
		}
	}

	/** The outbox knows for sure: the file of a delivered email is there. */
	@Override
	public Optional<Boolean> wasDelivered(String messageId) {
		return Optional.of(Files.exists(this.outbox.resolve(fileName(messageId))));
	}

	/**
	 * Builds the MIME message every transport sends: text and HTML alternatives, our
	 * Message-ID.
	 */
	MimeMessage toMime(OutgoingEmail email) throws MessagingException {
		MimeMessage message = new FixedIdMimeMessage(this.session, email.messageId());
		MimeMessageHelper helper = new MimeMessageHelper(message, email.htmlBody() != null, "UTF-8");
		try {
			helper.setFrom(email.from().address(), email.from().name());
			helper.setReplyTo(email.from().address(), email.from().name());
			helper.setTo(new jakarta.mail.internet.InternetAddress(email.to().address(), email.to().name(), "UTF-8"));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new MessagingException("UTF-8 is not supported", ex);
		}
		helper.setSubject(email.subject());
		if (email.htmlBody() != null) {
			helper.setText(email.textBody(), email.htmlBody());
		}
		else {
			helper.setText(email.textBody());
		}
		message.setSentDate(new java.util.Date());
		// Ask auto-responders to stay quiet: an out-of-office is not a reply to the
		// follow-up.
		message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
		message.saveChanges();
		return message;
	}

	static String fileName(String messageId) {
		return messageId.replaceAll("[^A-Za-z0-9._@-]", "_") + ".eml";
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
