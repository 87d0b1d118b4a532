package io.aftercare.shared;

import java.util.Map;

/**
 * A system outside Aftercare (a mail server, a desk's API) failed a request made on the
 * user's behalf; nothing of ours is lost, and the message says what to do. The web edge
 * answers 502.
 */
public class UpstreamFailedException extends RuntimeException {

	private final String reason;

	private final String title;

	public UpstreamFailedException(String reason, String title, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.title = title;
	}

	/** A short, stable machine-readable code, such as {@code delivery-failed}. */
	public String reason() {
		return this.reason;
	}

	/** A short summary for people, such as "Email not sent". */
	public String title() {
		return this.title;
	}

	/** What a client needs to act on it, such as the id of what failed. */
	public Map<String, Object> properties() {
		return Map.of();
	}

}
