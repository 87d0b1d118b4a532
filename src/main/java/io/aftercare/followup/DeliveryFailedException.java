package io.aftercare.followup;

/**
 * The mail transport refused the email. The follow-up stays approved and can be sent
 * again.
 */
public class DeliveryFailedException extends RuntimeException {

	private final long followUpId;

	public DeliveryFailedException(long followUpId, String message, Throwable cause) {
		super(message, cause);
		this.followUpId = followUpId;
	}

	public long followUpId() {
		return this.followUpId;
	}

}
