package io.aftercare.followup;

import java.time.Instant;

/**
 * When a CSM wants a follow-up to go out: now, at the contact's next business morning
 * (9:00 in the contact's time zone), or at a moment of their choosing.
 */
public record SendTiming(When when, Instant at) {

	public static final SendTiming NOW = new SendTiming(When.NOW, null);

	public SendTiming {
		if (when == null) {
			throw new IllegalArgumentException("when is required");
		}
		if ((when == When.AT) != (at != null)) {
			throw new IllegalArgumentException("a time is given exactly when sending at a chosen time");
		}
	}

	public static SendTiming contactMorning() {
		return new SendTiming(When.CONTACT_MORNING, null);
	}

	public static SendTiming at(Instant at) {
		return new SendTiming(When.AT, at);
	}

	/** The kinds of timing. */
	public enum When {

		/** As soon as the send queue gets to it. */
		NOW,

		/** The contact's next business morning, in their time zone. */
		CONTACT_MORNING,

		/** At the time given. */
		AT

	}

}
