package io.aftercare.tone;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Reads a customer's reply to a follow-up: all good, still broken, frustrated, wants a
 * call, or other, with the reason in one sentence for the CSM. The caller passes the
 * reply's own words, without quoted history or signature.
 */
@Component
public final class ReplyReader {

	private static final Pattern CALL = Pattern.compile("\\b(call|meeting|talk|zoom|phone)\\b");

	private static final Pattern STILL_BROKEN = Pattern
		.compile("\\bstill\\b.*\\b(fail\\w*|broken|not|doesn't|isn't|error\\w*|crash\\w*)\\b");

	private final SentimentAnalyzer analyzer;

	public ReplyReader(SentimentAnalyzer analyzer) {
		this.analyzer = analyzer;
	}

	/**
	 * How the reply reads.
	 * @param replyText the customer's own words; {@code null} or blank reads as
	 * {@link ReplyKind#OTHER}
	 */
	public ReplyReading read(String replyText) {
		if (replyText == null || replyText.isBlank()) {
			return new ReplyReading(ReplyKind.OTHER, 0, "the reply has no text");
		}
		Sentiment sentiment = this.analyzer.score(replyText);
		String text = replyText.toLowerCase(Locale.ROOT);
		if (STILL_BROKEN.matcher(text).find()) {
			return new ReplyReading(ReplyKind.STILL_BROKEN, sentiment.compound(), "says the problem is still there");
		}
		if (CALL.matcher(text).find()) {
			return new ReplyReading(ReplyKind.WANTS_A_CALL, sentiment.compound(), "asks for a call");
		}
		if (sentiment.compound() <= -0.5) {
			return new ReplyReading(ReplyKind.FRUSTRATED, sentiment.compound(), "reads as frustrated");
		}
		if (sentiment.isPositive()) {
			return new ReplyReading(ReplyKind.POSITIVE, sentiment.compound(), "reads as content");
		}
		return new ReplyReading(ReplyKind.OTHER, sentiment.compound(), "says nothing about the problem");
	}

}
