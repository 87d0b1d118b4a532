package io.aftercare.tone;

import java.util.Objects;

/**
 * How a customer's reply reads.
 *
 * @param kind what the reply says
 * @param sentiment the reply's compound sentiment score, from -1 to +1
 * @param reason one short sentence for the CSM saying why, such as "says the sync still
 * fails"
 */
public record ReplyReading(ReplyKind kind, double sentiment, String reason) {

	public ReplyReading {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reason, "reason");
		if (!(sentiment >= -1 && sentiment <= 1)) {
			throw new IllegalArgumentException("sentiment must be between -1 and 1, was " + sentiment);
		}
	}

}
