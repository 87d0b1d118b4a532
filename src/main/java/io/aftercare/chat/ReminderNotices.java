package io.aftercare.chat;

import java.util.List;

import io.aftercare.account.Csm;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.reminder.ReminderDue;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a reminder falls due, its owner finds a notice in their chat, once: a redelivered
 * announcement (after a crash, or on another instance) finds the notice there and adds
 * nothing.
 */
@Component
class ReminderNotices {

	private final ChatMessages messages;

	private final CustomerBook customers;

	ReminderNotices(ChatMessages messages, CustomerBook customers) {
		this.messages = messages;
		this.customers = customers;
	}

	@ApplicationModuleListener
	void on(ReminderDue due) {
		if (this.messages.hasNotice(due.reminderId().value())) {
			return;
		}
		String customer = this.customers.find(Csm.AFTERCARE, due.customerId()).map(Customer::name).orElse(null);
		String text = "Reminder due: " + due.note() + ((customer != null) ? " (" + customer + ")" : "")
				+ ((due.answer() != null) ? ". " + due.answer() : "");
		ChatEntry notice = new ChatEntry(null, due.owner(), ChatEntry.Author.AFTERCARE, ChatEntry.Kind.TEXT, text, null,
				due.customerId().value(),
				List.of(new ChatEntry.Choice("Show my reminders", "What reminders do I have?")), due.firedAt());
		this.messages.appendNotice(notice, due.reminderId().value());
	}

}
