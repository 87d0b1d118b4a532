package io.aftercare.trigger;

import io.aftercare.account.Csm;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.followup.FollowUpDrafted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the CSM who owns the customer that Aftercare drafted a follow-up for them, where
 * configured: by email, and to a Slack-compatible incoming webhook ({@link CsmNotices}).
 * The chat's side panel lists such drafts in any case.
 */
@Component
class DraftNotices {

	private static final String UNASKED = "#drafted.unasked()";

	private final CsmNotices notices;

	private final CustomerBook customers;

	DraftNotices(CsmNotices notices, CustomerBook customers) {
		this.notices = notices;
		this.customers = customers;
	}

	// Only drafts Aftercare made unasked: the condition is read before the event is kept
	// for a listener, so a draft a CSM asked for costs no publication here.
	@ApplicationModuleListener(condition = UNASKED)
	void email(FollowUpDrafted drafted) {
		this.notices.email(drafted.owner(), "fu." + drafted.followUpId().value(), subject(drafted), text(drafted));
	}

	@ApplicationModuleListener(condition = UNASKED)
	void webhook(FollowUpDrafted drafted) {
		this.notices.webhook(text(drafted));
	}

	private String subject(FollowUpDrafted drafted) {
		return "A follow-up for " + customerName(drafted) + " is ready for your review";
	}

	private String text(FollowUpDrafted drafted) {
		return "Aftercare drafted a follow-up for " + customerName(drafted) + " on ticket " + drafted.ticketNumber()
				+ ", because: " + drafted.why() + ". Nothing is sent until you approve it: " + this.notices.link();
	}

	private String customerName(FollowUpDrafted drafted) {
		return this.customers.find(Csm.AFTERCARE, drafted.customerId()).map(Customer::name).orElse("a customer");
	}

}
