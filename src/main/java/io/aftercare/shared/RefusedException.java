package io.aftercare.shared;

/**
 * A request that conflicts with the current state, such as sending a follow-up nobody
 * approved. The message says why in words a CSM understands; the web edge answers 409.
 */
public class RefusedException extends RuntimeException {

	private final String reason;

	public RefusedException(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	/** A short, stable machine-readable code, such as {@code not-approved}. */
	public String reason() {
		return this.reason;
	}

}
