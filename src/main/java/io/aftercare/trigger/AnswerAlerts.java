package io.aftercare.trigger;

import io.aftercare.account.Csm;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.reply.FollowUpAnswered;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Alerts the CSM outside the chat, where configured, when a customer answers that the
 * problem is still there or reads as frustrated, and suggests reopening the ticket. The
 * customer's words are not repeated in the alert (a webhook channel may be wider than the
 * CSM): the chat shows them.
 */
@Component
class AnswerAlerts {

	private static final String TROUBLE = "#answered.isTrouble()";

	private final CsmNotices notices;

	private final CustomerBook customers;

	AnswerAlerts(CsmNotices notices, CustomerBook customers) {
		this.notices = notices;
		this.customers = customers;
	}

	// Only troubled answers, as DraftNotices only unasked drafts: no publication for the
	// rest.
	@ApplicationModuleListener(condition = TROUBLE)
	void email(FollowUpAnswered answered) {
		this.notices.email(answered.owner(),
				"answer." + answered.followUpId().value() + "." + answered.answeredAt().toEpochMilli(),
				customer(answered) + " answered your follow-up: " + answered.kind().label(), text(answered));
	}

	@ApplicationModuleListener(condition = TROUBLE)
	void webhook(FollowUpAnswered answered) {
		this.notices.webhook(text(answered));
	}

	private String text(FollowUpAnswered answered) {
		return customer(answered) + " answered a follow-up: " + answered.kind().label() + " (" + answered.reason()
				+ "). Consider reopening the ticket. Their answer is in Aftercare: " + this.notices.link();
	}

	private String customer(FollowUpAnswered answered) {
		return this.customers.find(Csm.AFTERCARE, answered.customerId()).map(Customer::name).orElse("A customer");
	}

}
