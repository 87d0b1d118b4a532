package io.aftercare.chat.intent;

import org.springframework.util.Assert;

/**
 * What a CSM asked for in the chat, as read by {@link IntentParser}. Customers are read
 * against the CSM's {@link Book}; tickets are kept as said ({@link TicketRef}), for the
 * follow-up module's one rule of which ticket is meant.
 */
public sealed interface Intent {

	/**
	 * Prepare a personal follow-up after a customer's resolved ticket.
	 *
	 * @param customer the customer meant
	 * @param ticket the ticket meant, {@link TicketRef#ANY} when none was named
	 * @param again whether the CSM said "again": they know a follow-up on this ticket
	 * went out already and want another
	 */
	record FollowUp(CustomerRef customer, TicketRef ticket, boolean again) implements Intent {

		public FollowUp {
			customer = (customer != null) ? customer : CustomerRef.NONE;
			ticket = (ticket != null) ? ticket : TicketRef.ANY;
		}

	}

	/**
	 * Show a customer's recent tickets.
	 *
	 * @param customer the customer meant
	 * @param window the time the CSM asked about ("from last month"), {@code null} for
	 * the recent window
	 */
	record RecentTickets(CustomerRef customer, TimeWindow window) implements Intent {

		public RecentTickets {
			customer = (customer != null) ? customer : CustomerRef.NONE;
		}

	}

	/**
	 * Show a customer's follow-ups ("show TechFlow's follow-ups", "did we already follow
	 * up with Harbor?").
	 *
	 * @param customer the customer meant
	 */
	record FollowUps(CustomerRef customer) implements Intent {

		public FollowUps {
			customer = (customer != null) ? customer : CustomerRef.NONE;
		}

	}

	/**
	 * Show the CSM's reminders.
	 */
	record ListReminders() implements Intent {
	}

	/**
	 * Set a reminder for the CSM.
	 *
	 * @param inDays in how many days, {@link #ASK_WHEN} when no time was given and the
	 * chat should ask when
	 * @param note what to be reminded of, first letter capitalised ("Call David"),
	 * {@code null} when not given
	 */
	record NewReminder(int inDays, String note) implements Intent {

		/**
		 * No time was given: ask when rather than guess a default.
		 */
		public static final int ASK_WHEN = 0;

		public NewReminder {
			Assert.isTrue(inDays >= 0, () -> "Days must not be negative: " + inDays);
		}

	}

	/**
	 * What waits for the CSM: drafts to review, reminders due ("what's waiting for me?").
	 */
	record Waiting() implements Intent {
	}

	/**
	 * Send the draft in view (after the CSM confirms exactly what goes out).
	 */
	record Send() implements Intent {
	}

	/**
	 * Edit the draft in view.
	 */
	record Edit() implements Intent {
	}

	/**
	 * Add the suggested follow-up reminder to the draft in view.
	 */
	record AddReminderToDraft() implements Intent {
	}

	/**
	 * Discard the draft in view.
	 */
	record Discard() implements Intent {
	}

	/**
	 * Rewrite the draft in view in another way ("make it shorter", "in German").
	 *
	 * @param how how, as the CSM said it ("shorter", "more formal", "in german")
	 */
	record Rewrite(String how) implements Intent {
	}

	/**
	 * The last request again, for another customer ("and for Acme?", "what about
	 * Pinnacle?").
	 *
	 * @param customer the other customer
	 */
	record SameFor(CustomerRef customer) implements Intent {
	}

	/**
	 * Another ticket of the customer in view than the one just shown ("not that one, the
	 * SSO ticket").
	 *
	 * @param ticket the ticket meant instead; {@link TicketRef#ANY} when not said
	 */
	record OtherTicket(TicketRef ticket) implements Intent {

		public OtherTicket {
			ticket = (ticket != null) ? ticket : TicketRef.ANY;
		}

	}

	/**
	 * Explain what the chat can do.
	 */
	record Help() implements Intent {
	}

	/**
	 * A thank-you or an acknowledgment ("thanks", "great", "got it"): nothing to do.
	 */
	record Thanks() implements Intent {
	}

	/**
	 * Text that asks for nothing the chat understands.
	 *
	 * @param text the text as typed, trimmed; empty when nothing was typed
	 * @param customer a customer of the book it names, if any ("techflow"), so the chat
	 * can offer what to do for them
	 */
	record Unknown(String text, CustomerRef customer) implements Intent {

		public Unknown {
			text = (text != null) ? text.strip() : "";
			customer = (customer != null) ? customer : CustomerRef.NONE;
		}

		public Unknown(String text) {
			this(text, CustomerRef.NONE);
		}

	}

}
