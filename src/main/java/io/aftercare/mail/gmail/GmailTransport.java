package io.aftercare.mail.gmail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Properties;

import io.aftercare.mail.DeliveryCheck;
import io.aftercare.mail.Handover;
import io.aftercare.mail.MailDeliveryException;
import io.aftercare.mail.MailTransport;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.mail.SendingAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * Sends through Google Workspace with the Gmail API, as the sending user (the CSM, or the
 * workspace address): {@code users.messages.send} with the raw RFC 5322 message, so the
 * email lands in that user's Sent mail like one they wrote. Rate limits (429, 403
 * {@code rateLimitExceeded}) and a Google out of reach are worth another try; a 5xx or an
 * answer lost on the way leaves it uncertain; other refusals are final. {@link #check}
 * asks the same mailbox for the Message-ID ({@code rfc822msgid:}).
 */
public class GmailTransport implements MailTransport {

	private final GmailClient gmail;

	private final SendingAddress sending;

	private final Clock clock;

	private final Session session = Session.getInstance(new Properties());

	public GmailTransport(GmailClient gmail, SendingAddress sending, Clock clock) {
		this.gmail = gmail;
		this.sending = sending;
		this.clock = clock;
	}

	/** Every instance with the same service account sees the same mailboxes. */
	@Override
	public String channel() {
		return "gmail:" + this.gmail.account();
	}

	@Override
	public Handover deliver(OutgoingEmail email) {
		String user = mailbox(email);
		byte[] raw;
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			email.toMime(this.session, this.clock.instant(), this.sending).writeTo(bytes);
			raw = bytes.toByteArray();
		}
		catch (IOException | MessagingException ex) {
			throw MailDeliveryException.permanent("The email could not be built: " + ex.getMessage(), ex);
		}
		try {
			GmailClient.SentMessage sent = this.gmail.send(user, raw);
			return new Handover("Sent by Gmail from " + user + " (message " + sent.id() + ")", sent.id(),
					sent.threadId());
		}
		catch (GmailException ex) {
			throw failure(ex, "Gmail did not send the email from " + user);
		}
	}

	@Override
	public DeliveryCheck check(OutgoingEmail email) {
		String user = mailbox(email);
		try {
			return this.gmail.findByMessageId(user, email.messageId()).isEmpty() ? DeliveryCheck.NOT_DELIVERED
					: DeliveryCheck.DELIVERED;
		}
		catch (GmailException ex) {
			throw MailDeliveryException
				.transientFailure("The sent mail of " + user + " could not be searched: " + ex.getMessage(), ex);
		}
	}

	private String mailbox(OutgoingEmail email) {
		return this.sending.from(email.from()).address();
	}

	private static MailDeliveryException failure(GmailException ex, String what) {
		String message = what + ": " + ex.getMessage();
		if (ex.gettingToken()) {
			boolean later = ex.status() == 0 || ex.status() == 429 || ex.status() >= 500;
			return later ? MailDeliveryException.transientFailure(message, ex)
					: MailDeliveryException.permanent(message, ex);
		}
		if (ex.rateLimited() || (ex.status() == 0 && !ex.requestSent())) {
			return MailDeliveryException.transientFailure(message, ex);
		}
		if (ex.status() >= 500 || (ex.status() == 0 && ex.requestSent())) {
			// Google may have sent it before failing to say so.
			return MailDeliveryException.uncertain(message, ex);
		}
		return MailDeliveryException.permanent(message, ex);
	}

}
