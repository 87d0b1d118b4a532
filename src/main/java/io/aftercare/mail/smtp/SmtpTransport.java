package io.aftercare.mail.smtp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import io.aftercare.mail.ConnectionSecurity;
import io.aftercare.mail.DeliveryCheck;
import io.aftercare.mail.Handover;
import io.aftercare.mail.MailDeliveryException;
import io.aftercare.mail.MailTransport;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.mail.SendingAddress;
import io.aftercare.mail.imap.ImapMailbox;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends through any provider's SMTP server with Jakarta Mail: STARTTLS or TLS, with a
 * login. What the server answers decides what happens next: a 4xx reply or a server out
 * of reach is worth another try later, a 5xx reply (a recipient refused) is not, and a
 * connection that breaks after the message was on its way leaves it uncertain.
 * <p>
 * SMTP has no way to ask "did you take this one already?". {@link #check} looks for the
 * Message-ID in an IMAP folder instead: the Sent folder where the provider files what it
 * sent ({@link SentCopy.Mode#PROVIDER}), or the mailbox that got a blind copy in the same
 * SMTP transaction ({@link SentCopy.Mode#BCC}); without either it cannot tell.
 */
public class SmtpTransport implements MailTransport {

	private final Server server;

	private final SentCopy copy;

	private final SendingAddress sending;

	private final Clock clock;

	private final Session session;

	public SmtpTransport(Server server, SentCopy copy, SendingAddress sending, Clock clock) {
		if (server.host() == null || server.host().isBlank()) {
			throw new IllegalArgumentException("the SMTP transport needs a host (aftercare.mail.smtp.host)");
		}
		this.server = server;
		this.copy = copy;
		this.sending = sending;
		this.clock = clock;
		this.session = Session.getInstance(properties(server, sending));
	}

	@Override
	public String channel() {
		return "smtp:" + ((this.server.username() != null) ? this.server.username() + "@" : "") + this.server.host();
	}

	@Override
	public Handover deliver(OutgoingEmail email) {
		MimeMessage message;
		try {
			message = email.toMime(this.session, this.clock.instant(), this.sending);
			if (this.copy.mode() == SentCopy.Mode.BCC) {
				// A blind copy: in the envelope only, taken by the server in the same
				// transaction as the customer's, so it exists exactly when the email
				// does.
				message.addRecipient(Message.RecipientType.BCC, new InternetAddress(this.copy.bccAddress()));
			}
		}
		catch (MessagingException ex) {
			throw MailDeliveryException.permanent("The email could not be built: " + ex.getMessage(), ex);
		}
		Transport transport = connect();
		try {
			transport.sendMessage(message, message.getAllRecipients());
			String reply = (transport instanceof SMTPTransport smtp) ? smtp.getLastServerResponse() : null;
			return Handover.of("Accepted by " + this.server.host() + ((reply != null) ? ": " + reply : ""));
		}
		catch (MessagingException ex) {
			throw refused(ex);
		}
		finally {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				// The server already answered for the message; a failed QUIT changes
				// nothing.
			}
		}
	}

	/** Connects and signs in; nothing was sent when this fails. */
	private Transport connect() {
		try {
			Transport transport = this.session.getTransport(protocol(this.server));
			transport.connect(this.server.host(), this.server.port(), this.server.username(), this.server.password());
			return transport;
		}
		catch (AuthenticationFailedException ex) {
			throw MailDeliveryException.permanent("The mail server " + this.server.host() + " refused the login of "
					+ this.server.username() + ": " + message(ex), ex);
		}
		catch (MessagingException ex) {
			throw MailDeliveryException.transientFailure(
					"The mail server " + this.server.host() + " could not be reached: " + message(ex), ex);
		}
	}

	/** What a failed SMTP conversation means for the email. */
	private MailDeliveryException refused(MessagingException ex) {
		for (Exception cause = ex; cause != null; cause = (cause instanceof MessagingException m) ? m.getNextException()
				: null) {
			int code = returnCode(cause);
			if (code >= 500) {
				return MailDeliveryException
					.permanent("The mail server " + this.server.host() + " refused the email: " + message(cause), ex);
			}
			if (code >= 400) {
				return MailDeliveryException.transientFailure("The mail server " + this.server.host()
						+ " deferred the email: " + message(cause) + ". Aftercare tries again.", ex);
			}
		}
		// No reply code: the connection broke while the message was on its way (an EOF
		// where the reply to the data should be), and the server may have taken it.
		return MailDeliveryException.uncertain("The connection to " + this.server.host()
				+ " broke while the email was being handed over (" + message(ex) + ")", ex);
	}

	private static int returnCode(Exception ex) {
		if (ex instanceof SMTPAddressFailedException address) {
			return address.getReturnCode();
		}
		if (ex instanceof SMTPSenderFailedException sender) {
			return sender.getReturnCode();
		}
		if (ex instanceof SMTPSendFailedException send) {
			return send.getReturnCode();
		}
		return -1;
	}

	private static String message(Exception ex) {
		String text = ex.getMessage();
		if ((text == null || text.isBlank()) && ex.getCause() != null) {
			text = ex.getCause().toString();
		}
		if (ex instanceof MessagingException && ex.getCause() instanceof IOException io && io.getMessage() != null
				&& text != null && !text.contains(io.getMessage())) {
			text = text + ": " + io.getMessage();
		}
		return (text != null) ? text.strip().replaceAll("\\s+", " ") : ex.getClass().getSimpleName();
	}

	/**
	 * Looks for the Message-ID where a copy of every sent email lands. A folder that
	 * cannot be read now is worth another look later, not a guess.
	 */
	@Override
	public DeliveryCheck check(OutgoingEmail email) {
		if (this.copy.mode() == SentCopy.Mode.NONE || this.copy.mailbox() == null) {
			return DeliveryCheck.UNKNOWN;
		}
		try {
			return this.copy.mailbox().holds(this.copy.folder(), email.messageId()) ? DeliveryCheck.DELIVERED
					: DeliveryCheck.NOT_DELIVERED;
		}
		catch (MessagingException ex) {
			throw MailDeliveryException.transientFailure("The sent mail in " + this.copy.mailbox().name() + " ("
					+ this.copy.folder() + ") could not be read: " + message(ex), ex);
		}
	}

	private static String protocol(Server server) {
		return (server.security() == ConnectionSecurity.TLS) ? "smtps" : "smtp";
	}

	private static Properties properties(Server server, SendingAddress sending) {
		String prefix = "mail." + protocol(server) + ".";
		Properties properties = new Properties();
		properties.put(prefix + "auth", String.valueOf(server.username() != null));
		properties.put(prefix + "connectiontimeout", String.valueOf(server.connectTimeout().toMillis()));
		properties.put(prefix + "timeout", String.valueOf(server.timeout().toMillis()));
		properties.put(prefix + "writetimeout", String.valueOf(server.timeout().toMillis()));
		if (server.security() == ConnectionSecurity.STARTTLS) {
			properties.put(prefix + "starttls.enable", "true");
			properties.put(prefix + "starttls.required", "true");
		}
		if (server.security() != ConnectionSecurity.NONE) {
			properties.put(prefix + "ssl.checkserveridentity", "true");
		}
		if (sending.workspaceAddress() != null) {
			// Bounces go to the workspace's mailbox, which the provider lets us use.
			properties.put(prefix + "from", sending.workspaceAddress());
		}
		return properties;
	}

	/**
	 * An SMTP server and the account that sends through it. The password is never
	 * printed.
	 */
	public record Server(String host, int port, ConnectionSecurity security, String username, String password,
			Duration connectTimeout, Duration timeout) {

		@Override
		public String toString() {
			return "Server[" + this.username + "@" + this.host + ":" + this.port + ", " + this.security + "]";
		}

	}

	/**
	 * Where a copy of each sent email can be found: {@code mode}, the mailbox and folder
	 * to look in, and for {@link Mode#BCC} the address that gets the copy.
	 */
	public record SentCopy(Mode mode, ImapMailbox mailbox, String folder, String bccAddress) {

		public static final SentCopy NONE = new SentCopy(Mode.NONE, null, null, null);

		public SentCopy {
			if (mode != Mode.NONE && (mailbox == null || folder == null || folder.isBlank())) {
				throw new IllegalArgumentException(
						"looking for sent copies needs an IMAP account (aftercare.mail.imap.*) and a folder");
			}
			if (mode == Mode.BCC && (bccAddress == null || bccAddress.isBlank())) {
				throw new IllegalArgumentException("a blind copy needs an address (aftercare.mail.smtp.bcc-address)");
			}
		}

		/** Whether and how a copy is kept. */
		public enum Mode {

			/** The provider files what it sends in the Sent folder. */
			PROVIDER,

			/** A blind copy to a mailbox of ours, in the same SMTP transaction. */
			BCC,

			/** No copy: an interrupted send cannot be checked. */
			NONE

		}

	}

}
