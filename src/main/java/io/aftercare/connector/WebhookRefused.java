package io.aftercare.connector;

/**
 * A webhook that is not let in: unsigned, wrongly signed, stale or malformed. Answered
 * with a 4xx problem detail, counted and logged; it never becomes a ticket.
 */
public class WebhookRefused extends RuntimeException {

	/** Why, as counted ({@code aftercare.webhooks.refused{reason=...}}). */
	public enum Reason {

		UNSIGNED(401), BAD_SIGNATURE(401), STALE(401), MALFORMED(400), NOT_CONFIGURED(404), TOO_LARGE(413);

		private final int status;

		Reason(int status) {
			this.status = status;
		}

		public int status() {
			return this.status;
		}

	}

	private final Reason reason;

	public WebhookRefused(Reason reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
