package io.aftercare.mail;

/**
 * Delivers an email. Called outside any database transaction, once per approved send. A
 * transport that can tell should treat a second delivery of the same Message-ID as done,
 * so a retried send never reaches the customer twice.
 */
public interface MailTransport {

	/**
	 * Hands the email over for delivery.
	 * @throws MailDeliveryException when it could not be handed over; nothing was sent
	 */
	void deliver(OutgoingEmail email);

}
