package io.aftercare.mail;

import io.aftercare.shared.Text;

/**
 * What the mail server said when it took the email: its reply in words (an SMTP server's
 * {@code 250 2.0.0 Ok: queued as 4F1D2}), and, where the provider names its copy, the id
 * of the sent message and of its thread (Gmail's), by which the reply side can find it
 * again.
 */
public record Handover(String serverReply, String providerMessageId, String providerThreadId) {

	public Handover {
		if (serverReply == null || serverReply.isBlank()) {
			throw new IllegalArgumentException("the server's reply is required");
		}
		serverReply = oneLine(serverReply);
	}

	/** A reply without a provider's ids. */
	public static Handover of(String serverReply) {
		return new Handover(serverReply, null, null);
	}

	private static String oneLine(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return Text.cut(500, line);
	}

}
