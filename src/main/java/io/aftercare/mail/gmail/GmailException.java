package io.aftercare.mail.gmail;

/**
 * Google answered with an error, or could not be reached. {@code status} is the HTTP
 * status (0: no answer); {@code requestSent} says whether the request may have reached
 * Google before the connection broke.
 */
public class GmailException extends RuntimeException {

	/** The reason of a failure to get a token: nothing was asked of Gmail yet. */
	public static final String TOKEN_ENDPOINT = "token-endpoint";

	private final int status;

	private final String reason;

	private final boolean requestSent;

	GmailException(int status, String message, boolean requestSent) {
		this(status, null, message, requestSent, null);
	}

	GmailException(int status, String reason, String message, boolean requestSent, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.reason = reason;
		this.requestSent = requestSent;
	}

	/** The HTTP status, or 0 when no answer came. */
	public int status() {
		return this.status;
	}

	/** Google's reason ({@code rateLimitExceeded}, ...), when it gave one. */
	public String reason() {
		return this.reason;
	}

	/** Whether the request may have reached Google although no answer came. */
	public boolean requestSent() {
		return this.requestSent;
	}

	/** Whether it failed while getting a token, before Gmail was asked anything. */
	public boolean gettingToken() {
		return TOKEN_ENDPOINT.equals(this.reason);
	}

	/** Too many requests: 429, or a 403 whose reason is a rate limit. */
	public boolean rateLimited() {
		return this.status == 429
				|| (this.status == 403 && this.reason != null && this.reason.toLowerCase().contains("ratelimit"));
	}

}
