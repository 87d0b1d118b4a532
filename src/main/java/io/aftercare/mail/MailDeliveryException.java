package io.aftercare.mail;

/**
 * The transport could not take the email. Safe to retry: nothing went out.
 */
public class MailDeliveryException extends RuntimeException {

	public MailDeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

}
