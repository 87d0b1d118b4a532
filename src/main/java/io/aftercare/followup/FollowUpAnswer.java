package io.aftercare.followup;

import java.time.Instant;

/**
 * The customer's answer to a sent follow-up: when, how it came, its text (a reply without
 * quoted history or signature; for a click, the button's words), and how it reads: the
 * reading's kind ({@code POSITIVE}, {@code STILL_BROKEN}, {@code FRUSTRATED},
 * {@code WANTS_A_CALL}, {@code OTHER}), its sentiment from -1 to 1 and why it reads so.
 * Follow-ups keep it as told; who reads replies decides what it means.
 */
public record FollowUpAnswer(Instant answeredAt, Via via, String text, String kind, double sentiment, String reason) {

	/** Text stored beyond this is cut: a reply is read for its first lines. */
	public static final int MAX_TEXT = 4000;

	public FollowUpAnswer {
		if (answeredAt == null || via == null || kind == null || kind.isBlank()) {
			throw new IllegalArgumentException("an answer needs a time, a channel and a kind");
		}
		text = cut((text != null) ? text : "", MAX_TEXT);
		reason = cut((reason != null) ? reason : "", 500);
	}

	private static String cut(String text, int max) {
		return (text.length() > max) ? text.substring(0, max - 1) + "…" : text;
	}

	/** How the answer came. */
	public enum Via {

		/** A reply to the email. */
		EMAIL,

		/** One of the email's two links, confirmed on its page. */
		ONE_CLICK

	}

}
