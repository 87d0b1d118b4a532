package io.aftercare.chat.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.aftercare.account.Csm;
import io.aftercare.assessment.AssessmentSettings;
import io.aftercare.chat.ChatEntry;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerId;
import io.aftercare.followup.FollowUp;
import io.aftercare.followup.FollowUpId;
import io.aftercare.followup.FollowUpDetails;
import io.aftercare.followup.FollowUpStatus;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.followup.FollowUpSender;
import io.aftercare.reminder.ReminderBook;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.ReminderView;
import io.aftercare.shared.NotFoundException;
import io.aftercare.ticket.RecentTickets;
import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.TicketDurations;

import org.springframework.stereotype.Component;

/**
 * Draws chat messages from current data: a follow-up card always shows the follow-up as
 * it is now, so a reload after sending shows it sent.
 */
@Component
class ChatViews {

	private final FollowUpManagement followUps;

	private final FollowUpSender sender;

	private final CustomerBook customers;

	private final SupportDesk desk;

	private final ReminderBook reminders;

	private final AssessmentSettings assessment;

	private final Clock clock;

	ChatViews(FollowUpManagement followUps, FollowUpSender sender, CustomerBook customers, SupportDesk desk,
			ReminderBook reminders, AssessmentSettings assessment, Clock clock) {
		this.followUps = followUps;
		this.sender = sender;
		this.customers = customers;
		this.desk = desk;
		this.reminders = reminders;
		this.assessment = assessment;
		this.clock = clock;
	}

	/** The messages as the chat shows them, their dates in the CSM's zone. */
	List<MessageView> of(Csm csm, List<ChatEntry> entries, ZoneId zone) {
		return entries.stream().map((entry) -> of(csm, entry, zone)).toList();
	}

	MessageView of(Csm csm, ChatEntry entry, ZoneId zone) {
		ZonedDateTime now = now(zone);
		try {
			return switch (entry.kind()) {
				case FOLLOWUP, CONFIRM_SEND ->
					new MessageView(entry, card(csm, entry.followUpId(), zone), List.of(), List.of());
				case TICKETS -> new MessageView(entry, null, tickets(csm, entry, now), List.of());
				case REMINDERS -> new MessageView(entry, null, List.of(), openReminders(csm, now.toInstant()));
				default -> new MessageView(entry, null, List.of(), List.of());
			};
		}
		catch (NotFoundException ex) {
			return new MessageView(
					new ChatEntry(entry.id(), entry.username(), entry.author(), ChatEntry.Kind.TEXT,
							"(This is no longer available to you.)", null, null, List.of(), entry.createdAt()),
					null, List.of(), List.of());
		}
	}

	FollowUpCard card(Csm csm, long followUpId, ZoneId zone) {
		FollowUpId id = new FollowUpId(followUpId);
		FollowUpDetails details = this.followUps.get(csm, id);
		return FollowUpCard.of(details, this.reminders.forFollowUp(id), this.sender.options(details), now(zone));
	}

	/** Now, where the CSM is. */
	ZonedDateTime now(ZoneId zone) {
		return this.clock.instant().atZone(zone);
	}

	/**
	 * The side panel's follow-ups on their way, failed, or sent in the last three days,
	 * with where each email is.
	 */
	List<DeliveryRow> deliveries(Csm csm, ZoneId zone) {
		ZonedDateTime now = now(zone);
		return this.followUps.deliveries(csm, Duration.ofDays(3), 8)
			.stream()
			.map((f) -> new DeliveryRow(f.id().value(), customerName(csm, f.customerId().value()),
					f.content().subject(), f.status().name().toLowerCase(),
					FollowUpCard.deliveryLine(f, io.aftercare.followup.SendOptions.NOW_ONLY, now),
					f.status().isOnItsWay()))
			.toList();
	}

	List<ReminderView> openReminders(Csm csm, Instant now) {
		return this.reminders.list(csm, ReminderStatus.OPEN, null, 20)
			.stream()
			.map((r) -> ReminderView.of(r, now))
			.toList();
	}

	/** Drafts Aftercare prepared unasked, waiting for the CSM, newest first. */
	List<UnaskedDraft> unaskedDrafts(Csm csm) {
		return Stream.of(FollowUpStatus.DRAFT, FollowUpStatus.ON_HOLD)
			.flatMap((status) -> this.followUps.inBook(csm, status, 20).stream())
			.filter((f) -> f.createdBy().equals(Csm.AFTERCARE.username()))
			.sorted(Comparator.comparing(FollowUp::createdAt).reversed())
			.limit(10)
			.flatMap((f) -> this.customers.find(csm, f.customerId())
				.flatMap((customer) -> this.desk.find(customer.id(), f.ticketId())
					.map((ticket) -> new UnaskedDraft(customer.name(), ticket.number(),
							f.reasons().get(0).replaceFirst("^Drafted by Aftercare because: ", ""), f.holdReason(),
							"Follow up with " + customer.name() + " on ticket " + ticket.number())))
				.stream())
			.toList();
	}

	/** A draft Aftercare prepared unasked, as the side panel lists it. */
	record UnaskedDraft(String customerName, String ticketNumber, String why, String holdReason, String command) {
	}

	List<ReminderView> dueReminders(Csm csm) {
		Instant now = this.clock.instant();
		return this.reminders.list(csm, ReminderStatus.OPEN, now.plus(Duration.ofDays(1)), 10)
			.stream()
			.map((r) -> ReminderView.of(r, now))
			.toList();
	}

	/** How far back the chat's recent tickets go. */
	Duration recentWindow() {
		return this.assessment.recentWindow();
	}

	String customerName(Csm csm, long customerId) {
		return this.customers.find(csm, new CustomerId(customerId)).map(Customer::name).orElse("a customer");
	}

	/**
	 * The tickets of the time the CSM asked about ("from last month"), or recent ones.
	 */
	private List<MessageView.TicketRow> tickets(Csm csm, ChatEntry entry, ZonedDateTime now) {
		Customer customer = this.customers.require(csm, new CustomerId(entry.customerId()));
		RecentTickets query = (entry.window() != null)
				? new RecentTickets(null, entry.window().from(), entry.window().to(), 10)
				: new RecentTickets(null, now.toInstant().minus(recentWindow()), 10);
		return this.desk.recent(customer.id(), query)
			.stream()
			.map((t) -> new MessageView.TicketRow(t.number(), t.subject(), t.priority().label(),
					t.status().name().charAt(0) + t.status().name().substring(1).toLowerCase().replace('_', ' '),
					TicketDurations.span(t, now), t.resolutionSummary(),
					t.isResolved() ? "Follow up with " + customer.name() + " on ticket " + t.number() : null))
			.toList();
	}

}
