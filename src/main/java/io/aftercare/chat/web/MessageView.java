package io.aftercare.chat.web;

import java.util.List;

import io.aftercare.chat.ChatEntry;
import io.aftercare.reminder.ReminderView;

/**
 * A chat message with the current data of the card it shows, if any.
 */
public record MessageView(ChatEntry entry, FollowUpCard card, List<TicketRow> tickets, List<ReminderView> reminders) {

	public boolean mine() {
		return this.entry.author() == ChatEntry.Author.CSM;
	}

	/** One line of a recent-tickets card. */
	public record TicketRow(String number, String subject, String severity, String status, String duration,
			String resolution, String followUpCommand) {
	}

}
