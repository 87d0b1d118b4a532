package io.aftercare.mail;

/**
 * The transport could not hand the email over, and says how sure it is that nothing went
 * out: {@link Kind#TRANSIENT} (nothing went out, trying again later may work),
 * {@link Kind#PERMANENT} (nothing went out, and trying again will not help: a recipient
 * refused, credentials refused) or {@link Kind#UNCERTAIN} (the connection broke after the
 * message was on its way: it may have been accepted, so look into the Sent folder before
 * trying again). The message is the server's answer, in words a CSM can act on.
 */
public class MailDeliveryException extends RuntimeException {

	private final Kind kind;

	public MailDeliveryException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	public static MailDeliveryException transientFailure(String message, Throwable cause) {
		return new MailDeliveryException(Kind.TRANSIENT, message, cause);
	}

	public static MailDeliveryException permanent(String message, Throwable cause) {
		return new MailDeliveryException(Kind.PERMANENT, message, cause);
	}

	public static MailDeliveryException uncertain(String message, Throwable cause) {
		return new MailDeliveryException(Kind.UNCERTAIN, message, cause);
	}

	public Kind kind() {
		return this.kind;
	}

	/** How sure the transport is that the email did not go out. */
	public enum Kind {

		/** Nothing went out; the server or the network may be better later. */
		TRANSIENT,

		/** Nothing went out, and the same email will be refused again. */
		PERMANENT,

		/** It may have gone out: check before trying again. */
		UNCERTAIN

	}

}
