package io.aftercare.drafting;

import java.text.NumberFormat;
import java.util.Locale;

import io.aftercare.shared.Text;

/**
 * A follow-up email ready for the CSM to review: a one-line subject and a plain-text body
 * ({@link HtmlBody} turns the body into the HTML part when it is sent). Its rules are the
 * same whether the text was generated, edited through the API or edited in the chat.
 *
 * @param subject the subject line, at most {@value #MAX_SUBJECT_LENGTH} characters; never
 * contains line breaks or other control characters, so it cannot inject mail headers, nor
 * invisible format characters (bidirectional overrides, zero-width spaces), which are
 * removed because they could make it read differently from what it is
 * @param textBody the plain-text body, at most {@value #MAX_BODY_LENGTH} characters
 */
public record Draft(String subject, String textBody) {

	/** The longest subject: what the database keeps, and more than any inbox shows. */
	public static final int MAX_SUBJECT_LENGTH = 500;

	/** The longest body: a personal email is a few paragraphs, not a document. */
	public static final int MAX_BODY_LENGTH = 20_000;

	public Draft {
		if (subject == null || subject.isBlank()) {
			throw new IllegalArgumentException("A draft needs a subject");
		}
		// A CR or LF in a subject would let the rest of it become extra mail headers.
		if (Text.breaksLine(subject)) {
			throw new IllegalArgumentException("A subject must be a single line without control characters");
		}
		Text.storable("The subject", subject);
		subject = Text.withoutFormatCharacters(subject).strip();
		if (subject.isEmpty()) {
			throw new IllegalArgumentException("A draft needs a subject");
		}
		atMost(MAX_SUBJECT_LENGTH, "A subject", subject);
		if (textBody == null || textBody.isBlank()) {
			throw new IllegalArgumentException("A draft needs a body");
		}
		Text.storable("The body", textBody);
		atMost(MAX_BODY_LENGTH, "A body", textBody);
	}

	private static void atMost(int limit, String what, String text) {
		if (text.length() > limit) {
			NumberFormat count = NumberFormat.getIntegerInstance(Locale.ENGLISH);
			throw new IllegalArgumentException(what + " is at most " + count.format(limit)
					+ " characters (this one has " + count.format(text.length()) + ")");
		}
	}

}
