package io.aftercare.drafting;

/**
 * A follow-up email ready for the CSM to review: a one-line subject and a plain-text body
 * ({@link HtmlBody} turns the body into the HTML part when it is sent).
 *
 * @param subject the subject line; never contains line breaks or other control
 * characters, so it cannot inject mail headers
 * @param textBody the plain-text body
 */
public record Draft(String subject, String textBody) {

	public Draft {
		if (subject == null || subject.isBlank()) {
			throw new IllegalArgumentException("A draft needs a subject");
		}
		// A CR or LF in a subject would let the rest of it become extra mail headers.
		if (subject.chars().anyMatch(Draft::breaksLine)) {
			throw new IllegalArgumentException("A subject must be a single line without control characters");
		}
		if (textBody == null || textBody.isBlank()) {
			throw new IllegalArgumentException("A draft needs a body");
		}
	}

	private static boolean breaksLine(int c) {
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
	}

}
