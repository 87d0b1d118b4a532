package io.aftercare.chat.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.chat.ChatEntry;
import io.aftercare.chat.Conversation;
import io.aftercare.followup.DeliveryFailedException;
import io.aftercare.drafting.DraftStyle;
import io.aftercare.followup.FollowUpDetails;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.followup.FollowUpSender;
import io.aftercare.followup.FollowUpStatus;
import io.aftercare.followup.SendAttempt;
import io.aftercare.followup.SendOptions;
import io.aftercare.followup.SendTiming;
import io.aftercare.followup.FollowUpId;
import io.aftercare.followup.TicketChoice;
import io.aftercare.reminder.Reminder;
import io.aftercare.reminder.ReminderBook;
import io.aftercare.reminder.ReminderOrigin;
import io.aftercare.shared.InvalidInputException;
import io.aftercare.shared.RefusedException;
import io.aftercare.shared.web.ViewerTimeZone;
import io.aftercare.ticket.TicketDurations;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The chat pages and the fragments htmx swaps into them. Every action goes through the
 * same domain services as the API, with the signed-in CSM.
 */
@Controller
@Hidden
class ChatController {

	private static final int HISTORY = 60;

	private static final DateTimeFormatter SEND_TIME = DateTimeFormatter.ofPattern("HH:mm 'on' EEE, MMM d",
			Locale.ENGLISH);

	private final Conversation conversation;

	private final ChatViews views;

	private final FollowUpManagement followUps;

	private final FollowUpSender sender;

	private final ReminderBook reminders;

	private final Clock clock;

	private final DeskUpkeep desk;

	private final CsmDirectory directory;

	ChatController(Conversation conversation, ChatViews views, FollowUpManagement followUps, FollowUpSender sender,
			ReminderBook reminders, Clock clock, DeskUpkeep desk, CsmDirectory directory) {
		this.directory = directory;
		this.desk = desk;
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

	/**
	 * The CSM's time zone, as their browser told it ({@code ViewerTimeZone}): the pages
	 * show dates in it, and the script compares it with the browser's.
	 */
	@ModelAttribute("zone")
	ZoneId zone(ZoneId zone) {
		return zone;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/chat";
	}

	@GetMapping("/chat")
	String chat(Csm csm, ZoneId zone, Model model) {
		if (ViewerTimeZone.told(zone)) {
			this.directory.keepTimeZone(csm.username(), zone);
		}
		this.conversation.prepare(csm);
		model.addAttribute("csm", csm);
		model.addAttribute("messages", this.views.of(csm, this.conversation.history(csm, HISTORY), zone));
		panel(csm, zone, model);
		return "chat";
	}

	/**
	 * A turn, answered with its two messages for htmx to append. A form posted before
	 * htmx loaded (a slow connection, a quick CSM) is a plain form post: the turn is
	 * taken all the same and the page is shown again with it, rather than the words being
	 * lost.
	 */
	@PostMapping("/chat/messages")
	String say(@RequestParam(defaultValue = "") String text,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Csm csm, ZoneId zone, Model model) {
		List<ChatEntry> turn = text.isBlank() ? List.of() : this.conversation.say(csm, text, zone);
		if (htmx == null) {
			return "redirect:/chat";
		}
		model.addAttribute("messages", this.views.of(csm, turn, zone));
		return "chat/fragments :: messages";
	}

	@GetMapping("/chat/panel")
	String panel(Csm csm, ZoneId zone, Model model) {
		model.addAttribute("unasked", this.views.unaskedDrafts(csm));
		model.addAttribute("awaiting", this.followUps.awaitingFollowUp(csm, TicketChoice.LATELY, 12));
		model.addAttribute("due", this.views.dueReminders(csm));
		this.desk.addTo(model, csm);
		List<DeliveryRow> deliveries = this.views.deliveries(csm, zone);
		model.addAttribute("deliveries", deliveries);
		model.addAttribute("deliveriesMoving", DeliveryRow.anyOnItsWay(deliveries));
		return "chat/fragments :: panel";
	}

	/**
	 * An admin maps a desk's account no customer was found for onto the one they name.
	 */
	@PostMapping("/chat/desk-accounts/{id}/mapping")
	String mapDeskAccount(@PathVariable long id, @RequestParam @Size(max = 200) String customer, Csm csm, ZoneId zone,
			Model model) {
		model.addAttribute("mappingNote", this.desk.map(csm, id, customer));
		return panel(csm, zone, model);
	}

	/** An admin puts the webhooks the worker set aside back in line. */
	@PostMapping("/chat/failed-webhooks/retry")
	String retrySetAsideWebhooks(Csm csm, ZoneId zone, Model model) {
		model.addAttribute("webhookNote", this.desk.retrySetAside(csm));
		return panel(csm, zone, model);
	}

	@GetMapping("/chat/followups/{id}/card")
	String card(@PathVariable long id, Csm csm, ZoneId zone, Model model) {
		model.addAttribute("card", this.views.card(csm, id, zone));
		return "chat/fragments :: card";
	}

	@GetMapping("/chat/followups/{id}/edit")
	String editForm(@PathVariable long id, Csm csm, ZoneId zone, Model model) {
		model.addAttribute("card", this.views.card(csm, id, zone));
		return "chat/fragments :: edit";
	}

	@PostMapping("/chat/followups/{id}/edit")
	String edit(@PathVariable long id, @RequestParam String subject, @RequestParam String body, Csm csm, ZoneId zone,
			Model model) {
		try {
			this.followUps.edit(csm, new FollowUpId(id), subject, body.replace("\r\n", "\n"));
		}
		catch (InvalidInputException | RefusedException ex) {
			model.addAttribute("card", this.views.card(csm, id, zone));
			model.addAttribute("error", ex.getMessage());
			return "chat/fragments :: edit";
		}
		model.addAttribute("card", this.views.card(csm, id, zone));
		return "chat/fragments :: card";
	}

	/**
	 * "Use the template": one click back to the template's draft, in the draft's
	 * language.
	 */
	@PostMapping("/chat/followups/{id}/template")
	String useTemplate(@PathVariable long id, Csm csm, ZoneId zone, Model model) {
		try {
			this.followUps.rewrite(csm, new FollowUpId(id), DraftStyle.TEMPLATE, null);
		}
		catch (RefusedException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		model.addAttribute("card", this.views.card(csm, id, zone));
		return "chat/fragments :: card";
	}

	@GetMapping("/chat/followups/{id}/reminder")
	String reminderForm(@PathVariable long id, Csm csm, ZoneId zone, Model model) {
		model.addAttribute("card", this.views.card(csm, id, zone));
		return "chat/fragments :: reminder";
	}

	@PostMapping("/chat/followups/{id}/reminders")
	String addReminder(@PathVariable long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam String note,
			Csm csm, ZoneId zone, Model model) {
		// Due at nine in the morning of the chosen day, where the CSM is.
		Instant due = date.atTime(9, 0).atZone(zone).toInstant();
		try {
			this.reminders.addToFollowUp(csm, new FollowUpId(id), due, note);
		}
		catch (InvalidInputException | IllegalArgumentException ex) {
			model.addAttribute("card", this.views.card(csm, id, zone));
			model.addAttribute("error", ex.getMessage());
			return "chat/fragments :: reminder";
		}
		model.addAttribute("card", this.views.card(csm, id, zone));
		return "chat/fragments :: card";
	}

	/** The Send button: first show exactly what will go out, and to whom. */
	@PostMapping("/chat/followups/{id}/confirm")
	String confirm(@PathVariable long id, Csm csm, ZoneId zone, Model model) {
		FollowUpDetails details = this.followUps.get(csm, new FollowUpId(id));
		ChatEntry entry = this.conversation.note(new ChatEntry(null, csm.username(), ChatEntry.Author.AFTERCARE,
				ChatEntry.Kind.CONFIRM_SEND, "Please confirm: this is exactly what will be sent.", id,
				details.customer().id().value(), List.of(), this.clock.instant()));
		model.addAttribute("messages", List.of(this.views.of(csm, entry, zone)));
		return "chat/fragments :: messages";
	}

	/**
	 * Confirmed: approve the version the CSM saw and send it, now or ({@code when} =
	 * {@code CONTACT_MORNING}) at the contact's next business morning.
	 */
	@PostMapping("/chat/followups/{id}/send")
	String send(@PathVariable long id, @RequestParam int contentVersion,
			@RequestParam(defaultValue = "NOW") String when, Csm csm, ZoneId zone, Model model) {
		String text;
		try {
			SendTiming timing = "CONTACT_MORNING".equals(when) ? SendTiming.contactMorning() : SendTiming.NOW;
			SendAttempt attempt = this.sender.approveAndSend(csm, new FollowUpId(id), contentVersion, timing);
			FollowUpDetails details = this.followUps.details(csm, attempt.followUp());
			String customer = details.customer().name();
			text = switch (attempt.result()) {
				case SENT -> sentText("Post-ticket follow-up sent to " + customer + "!", details, zone);
				case QUEUED -> sentText("Queued: the follow-up to " + customer + " is not out yet ("
						+ ((details.followUp().deliveryDetail() != null) ? details.followUp().deliveryDetail()
								: "the mail server has not answered yet")
						+ "). Aftercare keeps trying; its card shows when it is sent.", details, zone);
				case SCHEDULED -> sentText("Scheduled: the follow-up to " + customer + " goes to "
						+ details.followUp().recipient().name() + " " + when(details, zone) + ".", details, zone);
				case ALREADY_SENT -> "This follow-up to " + customer + " was already sent; nothing was sent again.";
				case BEING_SENT ->
					(details.followUp().status() == FollowUpStatus.QUEUED && details.followUp().sendAt() != null
							&& details.followUp().sendAt().isAfter(this.clock.instant()))
									? "This follow-up to " + customer + " is already scheduled to go "
											+ when(details, zone) + "; nothing more was sent."
									: "This follow-up to " + customer
											+ " is being sent from another click right now; nothing more was sent.";
			};
		}
		catch (RefusedException | DeliveryFailedException ex) {
			text = "Not sent: " + ex.getMessage();
		}
		ChatEntry entry = this.conversation.note(new ChatEntry(null, csm.username(), ChatEntry.Author.AFTERCARE,
				ChatEntry.Kind.SENT, text, id, null, List.of(), this.clock.instant()));
		model.addAttribute("messages", List.of(this.views.of(csm, entry, zone)));
		return "chat/fragments :: messages";
	}

	/** When a queued follow-up goes: in the contact's time if known, else the CSM's. */
	private String when(FollowUpDetails details, ZoneId zone) {
		SendOptions options = this.sender.options(details);
		Instant at = details.followUp().sendAt();
		if (options.contactTimeZone() != null) {
			return "at " + SEND_TIME.format(at.atZone(ZoneId.of(options.contactTimeZone()))) + ", their time ("
					+ options.contactTimeZone() + ")";
		}
		return "at " + SEND_TIME.format(at.atZone(zone)) + " (" + zone.getId() + ")";
	}

	/**
	 * The PRD's "Post-ticket follow-up sent to TechFlow!" (or queued, or scheduled), with
	 * the reminders set. The suggested ones are scheduled by the reminder module right
	 * after the approval; until they are, the follow-up's own suggestions say what they
	 * will be.
	 */
	private String sentText(String first, FollowUpDetails sent, ZoneId zone) {
		StringBuilder text = new StringBuilder(first);
		ZonedDateTime now = this.views.now(zone);
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
