package io.aftercare.chat.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.ZoneOffset;
import java.util.List;

import io.aftercare.account.Csm;
import io.aftercare.chat.ChatEntry;
import io.aftercare.chat.Conversation;
import io.aftercare.followup.DeliveryFailedException;
import io.aftercare.followup.FollowUpDetails;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.followup.FollowUpSender;
import io.aftercare.followup.SendAttempt;
import io.aftercare.followup.FollowUpId;
import io.aftercare.followup.TicketChoice;
import io.aftercare.reminder.Reminder;
import io.aftercare.reminder.ReminderBook;
import io.aftercare.reminder.ReminderOrigin;
import io.aftercare.shared.InvalidInputException;
import io.aftercare.shared.RefusedException;
import io.aftercare.ticket.TicketDurations;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The chat pages and the fragments htmx swaps into them. Every action goes through the
 * same domain services as the API, with the signed-in CSM.
 */
@Controller
@Hidden
class ChatController {

	private static final int HISTORY = 60;

	private final Conversation conversation;

	private final ChatViews views;

	private final FollowUpManagement followUps;

	private final FollowUpSender sender;

	private final ReminderBook reminders;

	private final Clock clock;

	ChatController(Conversation conversation, ChatViews views, FollowUpManagement followUps, FollowUpSender sender,
			ReminderBook reminders, Clock clock) {
		this.conversation = conversation;
		this.views = views;
		this.followUps = followUps;
		this.sender = sender;
		this.reminders = reminders;
		this.clock = clock;
	}

	/** How far back the chat's recent tickets go, in words, for the pages to say. */
	@ModelAttribute("recentWindow")
	String recentWindow() {
		return TicketDurations.describe(this.views.recentWindow());
	}

	/** How far back the side panel looks for tickets awaiting a follow-up, in words. */
	@ModelAttribute("awaitingWindow")
	String awaitingWindow() {
		return TicketDurations.describe(TicketChoice.LATELY);
	}

	@GetMapping("/")
	String home() {
		return "redirect:/chat";
	}

	@GetMapping("/chat")
	String chat(Csm csm, Model model) {
		model.addAttribute("csm", csm);
		model.addAttribute("messages", this.views.of(csm, this.conversation.history(csm, HISTORY)));
		panel(csm, model);
		return "chat";
	}

	@PostMapping("/chat/messages")
	String say(@RequestParam(defaultValue = "") String text, Csm csm, Model model) {
		if (text.isBlank()) {
			model.addAttribute("messages", List.of());
			return "chat/fragments :: messages";
		}
		model.addAttribute("messages", this.views.of(csm, this.conversation.say(csm, text)));
		return "chat/fragments :: messages";
	}

	@GetMapping("/chat/panel")
	String panel(Csm csm, Model model) {
		model.addAttribute("awaiting", this.followUps.awaitingFollowUp(csm, TicketChoice.LATELY, 12));
		model.addAttribute("due", this.views.dueReminders(csm));
		return "chat/fragments :: panel";
	}

	@GetMapping("/chat/followups/{id}/card")
	String card(@PathVariable long id, Csm csm, Model model) {
		model.addAttribute("card", this.views.card(csm, id));
		return "chat/fragments :: card";
	}

	@GetMapping("/chat/followups/{id}/edit")
	String editForm(@PathVariable long id, Csm csm, Model model) {
		model.addAttribute("card", this.views.card(csm, id));
		return "chat/fragments :: edit";
	}

	@PostMapping("/chat/followups/{id}/edit")
	String edit(@PathVariable long id, @RequestParam String subject, @RequestParam String body, Csm csm, Model model) {
		try {
			this.followUps.edit(csm, new FollowUpId(id), subject, body.replace("\r\n", "\n"));
		}
		catch (InvalidInputException | RefusedException ex) {
			model.addAttribute("card", this.views.card(csm, id));
			model.addAttribute("error", ex.getMessage());
			return "chat/fragments :: edit";
		}
		model.addAttribute("card", this.views.card(csm, id));
		return "chat/fragments :: card";
	}

	@GetMapping("/chat/followups/{id}/reminder")
	String reminderForm(@PathVariable long id, Csm csm, Model model) {
		model.addAttribute("card", this.views.card(csm, id));
		return "chat/fragments :: reminder";
	}

	@PostMapping("/chat/followups/{id}/reminders")
	String addReminder(@PathVariable long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam String note,
			Csm csm, Model model) {
		// Due at nine in the morning UTC of the chosen day.
		Instant due = date.atTime(9, 0).toInstant(ZoneOffset.UTC);
		try {
			this.reminders.addToFollowUp(csm, new FollowUpId(id), due, note);
		}
		catch (InvalidInputException | IllegalArgumentException ex) {
			model.addAttribute("card", this.views.card(csm, id));
			model.addAttribute("error", ex.getMessage());
			return "chat/fragments :: reminder";
		}
		model.addAttribute("card", this.views.card(csm, id));
		return "chat/fragments :: card";
	}

	/** The Send button: first show exactly what will go out, and to whom. */
	@PostMapping("/chat/followups/{id}/confirm")
	String confirm(@PathVariable long id, Csm csm, Model model) {
		FollowUpDetails details = this.followUps.get(csm, new FollowUpId(id));
		ChatEntry entry = this.conversation.note(new ChatEntry(null, csm.username(), ChatEntry.Author.AFTERCARE,
				ChatEntry.Kind.CONFIRM_SEND, "Please confirm: this is exactly what will be sent.", id,
				details.customer().id().value(), List.of(), this.clock.instant()));
		model.addAttribute("messages", List.of(this.views.of(csm, entry)));
		return "chat/fragments :: messages";
	}

	/** Confirmed: approve the version the CSM saw and send it. */
	@PostMapping("/chat/followups/{id}/send")
	String send(@PathVariable long id, @RequestParam int contentVersion, Csm csm, Model model) {
		String text;
		try {
			SendAttempt attempt = this.sender.approveAndSend(csm, new FollowUpId(id), contentVersion);
			FollowUpDetails details = this.followUps.details(csm, attempt.followUp());
			String customer = details.customer().name();
			text = switch (attempt.result()) {
				case SENT -> sentText(details);
				case ALREADY_SENT -> "This follow-up to " + customer + " was already sent; nothing was sent again.";
				case BEING_SENT -> "This follow-up to " + customer
						+ " is being sent from another click right now; nothing more was sent.";
			};
		}
		catch (RefusedException | DeliveryFailedException ex) {
			text = "Not sent: " + ex.getMessage();
		}
		ChatEntry entry = this.conversation.note(new ChatEntry(null, csm.username(), ChatEntry.Author.AFTERCARE,
				ChatEntry.Kind.SENT, text, id, null, List.of(), this.clock.instant()));
		model.addAttribute("messages", List.of(this.views.of(csm, entry)));
		return "chat/fragments :: messages";
	}

	/**
	 * The PRD's "Post-ticket follow-up sent to TechFlow!", with the reminders set. The
	 * suggested ones are scheduled by the reminder module right after the approval; until
	 * they are, the follow-up's own suggestions say what they will be.
	 */
	private String sentText(FollowUpDetails sent) {
		StringBuilder text = new StringBuilder("Post-ticket follow-up sent to " + sent.customer().name() + "!");
		Instant now = this.clock.instant();
		List<Reminder> scheduled = this.reminders.forFollowUp(sent.followUp().id());
		List<String> lines = new ArrayList<>(scheduled.stream().map((r) -> FollowUpCard.reminderLine(r, now)).toList());
		if (scheduled.stream().noneMatch((r) -> r.origin() == ReminderOrigin.SUGGESTED)) {
			sent.followUp()
				.suggestedReminders()
				.forEach((r) -> lines.add(FollowUpCard.reminderLine(r.note(), r.dueIn().getDays())));
		}
		lines.forEach((line) -> text.append("\n\nReminder set: ").append(line).append('.'));
		return text.toString();
	}

}
