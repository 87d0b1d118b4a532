package io.aftercare.mail;

/**
 * Delivers an email. Called outside any database transaction, by the send queue, once per
 * attempt. Neither SMTP nor the Gmail API knows an idempotency key: a transport makes
 * "once" possible by keeping our Message-ID and by answering {@link #check} from what it
 * can see of the sender's sent mail.
 */
public interface MailTransport {

	/**
	 * Where this transport delivers, named the same by every instance that delivers to
	 * the same place (one outbox folder, one SMTP account, one Google Workspace). A send
	 * claimed through another channel cannot be checked through this one.
	 */
	String channel();

	/**
	 * Hands the email over for delivery.
	 * @return what the server said when it took it
	 * @throws MailDeliveryException when it could not be handed over, saying how sure it
	 * is that nothing went out
	 */
	Handover deliver(OutgoingEmail email);

	/**
	 * Whether this email (its Message-ID, from its sender) was handed over through this
	 * channel, as far as the transport can see: asked before an attempt that follows an
	 * interrupted or uncertain one. Never guesses: {@link DeliveryCheck#UNKNOWN} when it
	 * cannot tell.
	 * @throws MailDeliveryException ({@link MailDeliveryException.Kind#TRANSIENT}) when
	 * it cannot look right now, but may later
	 */
	DeliveryCheck check(OutgoingEmail email);

}
