package io.aftercare.chat.web;

import java.util.List;

import io.aftercare.chat.ChatEntry;
import io.aftercare.reminder.ReminderView;

/**
 * A chat message with the current data of the card it shows, if any.
 */
record MessageView(ChatEntry entry, FollowUpCard card, List<TicketRow> tickets, List<ReminderView> reminders) {

	boolean mine() {
		return this.entry.author() == ChatEntry.Author.CSM;
	}

	/** One line of a recent-tickets card. */
	record TicketRow(String number, String subject, String severity, String status, String duration, String resolution,
			String followUpCommand) {
	}

}
