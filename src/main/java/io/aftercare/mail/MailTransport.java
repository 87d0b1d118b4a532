package io.aftercare.mail;

/**
 * Delivers an email. Called outside any database transaction, once per approved send. A
 * transport that can tell treats a second delivery of the same Message-ID as done, so a
 * retried send never reaches the customer twice.
 */
public interface MailTransport {

	/**
	 * Where this transport delivers, named the same by every instance that delivers to
	 * the same place (one outbox folder, one mailbox's Sent folder). A send claimed
	 * through another channel cannot be checked through this one.
	 */
	String channel();

	/**
	 * Hands the email over for delivery.
	 * @throws MailDeliveryException when it could not be handed over; nothing was sent
	 */
	void deliver(OutgoingEmail email);

	/**
	 * Whether an email with this Message-ID was handed over through this channel, as far
	 * as the transport can see: used to settle a send that was interrupted between
	 * handing over and recording it. Never guesses: {@link DeliveryCheck#UNKNOWN} when it
	 * cannot tell.
	 */
	DeliveryCheck check(String messageId);

}
