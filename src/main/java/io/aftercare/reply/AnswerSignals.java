package io.aftercare.reply;

import io.aftercare.customer.CustomerSignals;
import io.aftercare.tone.ReplyKind;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What an answer means for the customer's standing, written through the customer module's
 * {@link CustomerSignals} (which cannot hear this module's events: it sits below it):
 * every reading adds a health entry with its reason, moved by a step per kind; a
 * still-broken or frustrated answer raises a risk signal; a positive one records
 * satisfaction and clears the risk signals earlier answers raised. Each write is keyed by
 * the answer's moment, so hearing it twice writes nothing more.
 */
@Component
class AnswerSignals {

	static final String SOURCE = "reply";

	/** The risk signals answers raise, and a positive answer clears. */
	static final String RISK_KINDS = "reply-";

	private final CustomerSignals signals;

	AnswerSignals(CustomerSignals signals) {
		this.signals = signals;
	}

	@ApplicationModuleListener
	void on(FollowUpAnswered answered) {
		String why = "The customer's answer to a follow-up reads " + answered.kind().label() + ": " + answered.reason();
		this.signals.noteHealth(answered.customerId(), step(answered.kind()), SOURCE, why, answered.answeredAt());
		if (answered.isTrouble()) {
			// The detail is what the assessment and the triggers tell the CSM.
			this.signals.raiseRisk(answered.customerId(), RISK_KINDS + answered.kind().name().toLowerCase(),
					(answered.kind() == ReplyKind.FRUSTRATED) ? "HIGH" : "MEDIUM",
					"their answer to a follow-up read " + answered.kind().label(), answered.answeredAt());
		}
		else if (answered.kind() == ReplyKind.POSITIVE) {
			this.signals.clearRisks(answered.customerId(), RISK_KINDS, answered.answeredAt());
		}
		if (answered.kind() == ReplyKind.POSITIVE || answered.isTrouble()) {
			this.signals.recordSatisfaction(answered.customerId(), answered.followUpId().value(),
					answered.kind() == ReplyKind.POSITIVE, answered.answeredAt());
		}
	}

	/** How far a reading moves the health score. */
	static int step(ReplyKind kind) {
		return switch (kind) {
			case POSITIVE -> 5;
			case STILL_BROKEN -> -10;
			case FRUSTRATED -> -15;
			case WANTS_A_CALL -> -3;
			case OTHER -> 0;
		};
	}

}
