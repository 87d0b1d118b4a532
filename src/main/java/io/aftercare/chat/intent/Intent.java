package io.aftercare.chat.intent;

import java.util.List;

import org.springframework.util.Assert;

/**
 * What a CSM asked for in the chat, as read by {@link IntentParser}. Names and words are
 * kept as typed; resolving them to customers and tickets is the caller's job (see
 * {@link CustomerMatcher} and {@link TicketMatcher}).
 */
public sealed interface Intent {

	/**
	 * Prepare a personal follow-up after a customer's resolved ticket.
	 *
	 * @param customer the customer as typed ("tech flow"), {@code null} when none was
	 * named
	 * @param ticketNumber the ticket number as typed without a leading {@code #}
	 * ("TF-2024-0847", "4211"), {@code null} when none was given
	 * @param ticketWords lower-case words saying which ticket ("api", "billing"), for
	 * {@link TicketMatcher}; empty when none
	 * @param again whether the CSM said "again": they know a follow-up on this ticket
	 * went out already and want another
	 */
	record FollowUp(String customer, String ticketNumber, List<String> ticketWords, boolean again) implements Intent {

		public FollowUp {
			ticketWords = (ticketWords != null) ? List.copyOf(ticketWords) : List.of();
		}

		/** A first follow-up on the ticket. */
		public FollowUp(String customer, String ticketNumber, List<String> ticketWords) {
			this(customer, ticketNumber, ticketWords, false);
		}

	}

	/**
	 * Show a customer's recent tickets.
	 *
	 * @param customer the customer as typed, {@code null} when none was named
	 */
	record RecentTickets(String customer) implements Intent {
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
	 * Send the draft on screen (approving it first).
	 */
	record Send() implements Intent {
	}

	/**
	 * Edit the draft on screen.
	 */
	record Edit() implements Intent {
	}

	/**
	 * Add the suggested follow-up reminder to the draft on screen.
	 */
	record AddReminderToDraft() implements Intent {
	}

	/**
	 * Explain what the chat can do.
	 */
	record Help() implements Intent {
	}

	/**
	 * Text that asks for nothing the chat understands.
	 *
	 * @param text the text as typed, trimmed; empty when nothing was typed
	 */
	record Unknown(String text) implements Intent {

		public Unknown {
			text = (text != null) ? text.strip() : "";
		}

	}

}
