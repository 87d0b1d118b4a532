package io.aftercare.chat;

import java.util.List;

import io.aftercare.account.Csm;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.reply.FollowUpAnswered;
import io.aftercare.reply.FollowUpBounced;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the CSM in their chat that a customer answered a follow-up (with how it reads and
 * its first words; an answer that says the problem is not over suggests reopening the
 * ticket), or that a follow-up bounced. One notice per follow-up and moment, however
 * often the announcement is heard. The customer's words are stored as text and escaped
 * where the conversation is shown.
 */
@Component
class AnswerNotices {

	private static final int QUOTE = 200;

	private final ChatMessages messages;

	private final CustomerBook customers;

	AnswerNotices(ChatMessages messages, CustomerBook customers) {
		this.messages = messages;
		this.customers = customers;
	}

	@ApplicationModuleListener
	void on(FollowUpAnswered answered) {
		if (this.messages.hasFollowUpNotice(answered.followUpId().value(), answered.answeredAt())) {
			return;
		}
		String customer = name(answered.customerId());
		// A click's words are the button's, already said by the reading's reason.
		String words = (answered.via() == io.aftercare.followup.FollowUpAnswer.Via.ONE_CLICK) ? ""
				: answered.text().replaceAll("\\s+", " ").strip();
		if (words.length() > QUOTE) {
			words = words.substring(0, QUOTE - 1) + "…";
		}
		String text = customer + " answered your follow-up: " + answered.kind().label() + " (" + answered.reason()
				+ ")." + (words.isEmpty() ? "" : " \"" + words + "\"")
				+ (answered.isTrouble() ? " Consider reopening the ticket." : "");
		this.messages.appendFollowUpNotice(new ChatEntry(null, answered.owner(), ChatEntry.Author.AFTERCARE,
				ChatEntry.Kind.TEXT, text, answered.followUpId().value(), answered.customerId().value(),
				List.of(new ChatEntry.Choice("Show " + customer + "'s follow-ups", "show follow-ups for " + customer)),
				answered.answeredAt()));
	}

	@ApplicationModuleListener
	void on(FollowUpBounced bounced) {
		if (this.messages.hasFollowUpNotice(bounced.followUpId().value(), bounced.bouncedAt())) {
			return;
		}
		String text = "The follow-up to " + bounced.address() + " (" + name(bounced.customerId()) + ") bounced: "
				+ bounced.reason() + ". The address is marked suspect.";
		this.messages
			.appendFollowUpNotice(new ChatEntry(null, bounced.owner(), ChatEntry.Author.AFTERCARE, ChatEntry.Kind.TEXT,
					text, bounced.followUpId().value(), bounced.customerId().value(), List.of(), bounced.bouncedAt()));
	}

	private String name(io.aftercare.customer.CustomerId id) {
		return this.customers.find(Csm.AFTERCARE, id).map(Customer::name).orElse("A customer");
	}

}
