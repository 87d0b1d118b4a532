package io.aftercare.mail;

import java.util.Optional;

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

	/**
	 * Whether an email with this Message-ID was handed over, when the transport can tell:
	 * used to settle a send that was interrupted between handing over and recording it.
	 * @return {@code true} or {@code false} when known, empty when the transport cannot
	 * tell
	 */
	default Optional<Boolean> wasDelivered(String messageId) {
		return Optional.empty();
	}

}
