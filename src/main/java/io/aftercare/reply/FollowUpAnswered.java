package io.aftercare.reply;

import java.time.Instant;

import io.aftercare.customer.CustomerId;
import io.aftercare.followup.FollowUpAnswer;
import io.aftercare.followup.FollowUpId;
import io.aftercare.tone.ReplyKind;

/**
 * The customer answered a sent follow-up, by reply or by one click: how it reads
 * ({@code kind}, {@code sentiment}, the {@code reason} in words), the answer's own
 * {@code text} (customer text: escape wherever shown), and the CSM who owns the customer.
 */
public record FollowUpAnswered(FollowUpId followUpId, CustomerId customerId, String owner, ReplyKind kind,
		double sentiment, String reason, String text, FollowUpAnswer.Via via, Instant answeredAt) {

	/** Whether the answer says the problem is not over. */
	public boolean isTrouble() {
		return this.kind == ReplyKind.STILL_BROKEN || this.kind == ReplyKind.FRUSTRATED;
	}

}
