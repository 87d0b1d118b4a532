package io.aftercare.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.assessment.ImpactAssessor;
import io.aftercare.assessment.SuggestedReminder;
import io.aftercare.assessment.TicketAssessment;
import io.aftercare.assessment.TicketContext;
import io.aftercare.audit.AuditLog;
import io.aftercare.customer.Contact;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerId;
import io.aftercare.drafting.Draft;
import io.aftercare.drafting.DraftRequest;
import io.aftercare.drafting.DraftWriter;
import io.aftercare.reminder.NewReminder;
import io.aftercare.reminder.Reminder;
import io.aftercare.reminder.ReminderBook;
import io.aftercare.reminder.ReminderOrigin;
import io.aftercare.shared.InvalidInputException;
import io.aftercare.shared.NotFoundException;
import io.aftercare.shared.RefusedException;
import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prepares, edits and approves follow-ups on behalf of a signed-in CSM. Sending is
 * {@link FollowUpSender}'s job, because it talks to a mail server and must not hold a
 * transaction.
 */
@Service
@Transactional
public class FollowUpManagement {

	/** How far back "the most recent resolved ticket" looks when the CSM names none. */
	private static final Duration LATEST_WINDOW = Duration.ofDays(90);

	private static final int CANDIDATES = 10;

	private final FollowUps followUps;

	private final CustomerBook customers;

	private final SupportDesk desk;

	private final ImpactAssessor assessor;

	private final DraftWriter writer;

	private final CsmDirectory csms;

	private final ReminderBook reminders;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FollowUpManagement(FollowUps followUps, CustomerBook customers, SupportDesk desk, ImpactAssessor assessor,
			DraftWriter writer, CsmDirectory csms, ReminderBook reminders, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.followUps = followUps;
		this.customers = customers;
		this.desk = desk;
		this.assessor = assessor;
		this.writer = writer;
		this.csms = csms;
		this.reminders = reminders;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Prepares a follow-up for a resolved ticket. If the ticket already has an unsent
	 * follow-up at the requested level, that one is returned instead of a second draft;
	 * asking for another level discards it and drafts anew.
	 */
	public FollowUpDetails request(Csm csm, CustomerId customerId, FollowUpRequest request) {
		Customer customer = this.customers.require(csm, customerId);
		TicketAssessment assessed = chooseAndAssess(customer, request);
		Ticket ticket = assessed.context().ticket();
		FollowUpLevel level = (request.level() != null) ? request.level() : assessed.assessment().level();
		Optional<FollowUp> open = this.followUps.openForTicket(ticket.id().value());
		if (open.isPresent()) {
			// The unsent draft, edits and all, unless the CSM explicitly asks for another
			// level.
			if (request.level() == null || open.get().level() == level) {
				return details(open.get(), customer, ticket, assessed.context(), false);
			}
			open.get().discard();
			this.followUps.update(open.get(), this.clock.instant());
			this.audit.record(csm.username(), "followup", open.get().id(), "discarded",
					"replaced by a " + level + " follow-up");
		}
		Contact contact = recipient(customer, assessed.context());
		Csm owner = (customer.ownerUsername() != null) ? this.csms.find(customer.ownerUsername()).orElse(csm) : csm;
		List<SuggestedReminder> suggested = assessed.assessment().reminders();
		Draft draft = this.writer.write(draftRequest(level, customer, contact, assessed, suggested, owner));
		Instant now = this.clock.instant();
		FollowUp followUp = FollowUp.draft(customer.id().value(), ticket.id().value(), level,
				assessed.assessment().level(), assessed.assessment().reasons(), assessed.assessment().offers(),
				suggested, new FollowUp.Recipient(contact.name(), contact.email()), draft, csm.username(), now);
		long id = this.followUps.insert(followUp);
		this.audit.record(csm.username(), "followup", id, "drafted", "level " + level
				+ ((level != assessed.assessment().level()) ? " (assessed " + assessed.assessment().level() + ")" : "")
				+ " for ticket " + ticket.number());
		return details(this.followUps.find(id).orElseThrow(), customer, ticket, assessed.context(), true);
	}

	@Transactional(readOnly = true)
	public FollowUpDetails get(Csm csm, long id) {
		FollowUp followUp = load(csm, id);
		Customer customer = this.customers.require(csm, new CustomerId(followUp.customerId()));
		Ticket ticket = ticketOf(followUp);
		TicketContext context = ticket.isResolved() ? this.assessor.assess(customer, ticket).context() : null;
		return details(followUp, customer, ticket, context, false);
	}

	/** The follow-ups of one customer, newest first. */
	@Transactional(readOnly = true)
	public List<FollowUp> ofCustomer(Csm csm, CustomerId customerId) {
		this.customers.require(csm, customerId);
		return this.followUps.ofCustomer(customerId.value(), 50);
	}

	/**
	 * The follow-up that already went out for this ticket, when nothing else is in the
	 * works for it: asking for a follow-up then most likely means a second email, which
	 * deserves a question.
	 */
	@Transactional(readOnly = true)
	public Optional<FollowUp> alreadySent(Csm csm, CustomerId customerId, TicketId ticketId) {
		this.customers.require(csm, customerId);
		if (this.followUps.openForTicket(ticketId.value()).isPresent()) {
			return Optional.empty();
		}
		return this.followUps.lastSentForTicket(ticketId.value());
	}

	/** Who did what to the follow-up, oldest first. */
	@Transactional(readOnly = true)
	public List<AuditLog.Entry> history(Csm csm, long id) {
		load(csm, id);
		return this.audit.history("followup", id);
	}

	/**
	 * Tickets of the CSM's book resolved in the last {@code window} that have no
	 * follow-up yet.
	 */
	@Transactional(readOnly = true)
	public List<AwaitingFollowUp> awaitingFollowUp(Csm csm, Duration window, int limit) {
		return this.followUps.awaiting(csm.ownerFilter(), this.clock.instant().minus(window), limit);
	}

	public FollowUpDetails edit(Csm csm, long id, String subject, String body) {
		FollowUp followUp = load(csm, id);
		boolean wasApproved = followUp.isApprovedAsIs();
		int before = followUp.contentVersion();
		followUp.edit(subject, body, csm.username(), this.clock.instant());
		if (followUp.contentVersion() != before) {
			this.followUps.update(followUp, this.clock.instant());
			this.audit.record(csm.username(), "followup", id, "edited",
					"content version " + followUp.contentVersion() + (wasApproved ? "; approval voided" : ""));
		}
		return get(csm, id);
	}

	/**
	 * Approves the current wording and schedules the reminders the follow-up suggests,
	 * counted from now. Approving an already approved follow-up changes nothing.
	 */
	public FollowUpDetails approve(Csm csm, long id, Integer seenVersion) {
		FollowUp followUp = load(csm, id);
		Instant now = this.clock.instant();
		if (followUp.approve(seenVersion, csm.username(), now)) {
			this.followUps.update(followUp, now);
			this.audit.record(csm.username(), "followup", id, "approved",
					"content version " + followUp.contentVersion());
			if (this.reminders.forFollowUp(id).stream().noneMatch((r) -> r.origin() == ReminderOrigin.SUGGESTED)) {
				String owner = ownerOf(followUp, csm);
				for (SuggestedReminder suggested : followUp.suggestedReminders()) {
					this.reminders.schedule(new NewReminder(owner, new CustomerId(followUp.customerId()), id,
							now.plus(Duration.ofDays(suggested.dueIn().getDays())), suggested.note(),
							ReminderOrigin.SUGGESTED), csm.username());
				}
			}
			this.events.publishEvent(
					new FollowUpApproved(id, followUp.customerId(), csm.username(), followUp.contentVersion()));
		}
		return get(csm, id);
	}

	/** Adds a reminder of the CSM's own to a follow-up. */
	public Reminder addReminder(Csm csm, long id, Instant dueAt, String note) {
		FollowUp followUp = load(csm, id);
		if (dueAt == null || !dueAt.isAfter(this.clock.instant())) {
			throw new InvalidInputException("A reminder must be due in the future.");
		}
		return this.reminders.schedule(new NewReminder(ownerOf(followUp, csm), new CustomerId(followUp.customerId()),
				id, dueAt, note, ReminderOrigin.MANUAL), csm.username());
	}

	public FollowUpDetails discard(Csm csm, long id) {
		FollowUp followUp = load(csm, id);
		followUp.discard();
		this.followUps.update(followUp, this.clock.instant());
		this.audit.record(csm.username(), "followup", id, "discarded", null);
		return get(csm, id);
	}

	/** Loads a follow-up of a customer the CSM may see; anything else is not found. */
	FollowUp load(Csm csm, long id) {
		FollowUp followUp = this.followUps.find(id).orElseThrow(() -> new FollowUpNotFoundException(id));
		if (this.customers.find(csm, new CustomerId(followUp.customerId())).isEmpty()) {
			throw new FollowUpNotFoundException(id);
		}
		return followUp;
	}

	Ticket ticketOf(FollowUp followUp) {
		return this.desk.find(new CustomerId(followUp.customerId()), new TicketId(followUp.ticketId())).orElseThrow();
	}

	private String ownerOf(FollowUp followUp, Csm csm) {
		return this.customers.find(csm, new CustomerId(followUp.customerId()))
			.map(Customer::ownerUsername)
			.filter((owner) -> owner != null)
			.orElse(csm.username());
	}

	/**
	 * {@code context} is {@code null} when the ticket was reopened since the follow-up
	 * was drafted.
	 */
	private FollowUpDetails details(FollowUp followUp, Customer customer, Ticket ticket, TicketContext context,
			boolean created) {
		return new FollowUpDetails(followUp, customer, ticket, context, this.reminders.forFollowUp(followUp.id()),
				created);
	}

	private TicketAssessment chooseAndAssess(Customer customer, FollowUpRequest request) {
		if (request.ticketId() != null) {
			return this.assessor.assess(customer,
					this.desk.find(customer.id(), new TicketId(request.ticketId()))
						.orElseThrow(() -> new NotFoundException(
								"No ticket " + request.ticketId() + " for " + customer.name() + ".")));
		}
		if (request.ticketNumber() != null && !request.ticketNumber().isBlank()) {
			return this.assessor.assess(customer,
					this.desk.findByNumber(customer.id(), request.ticketNumber())
						.orElseThrow(() -> new NotFoundException(
								"No ticket " + request.ticketNumber().trim() + " for " + customer.name() + ".")));
		}
		return latestSignificant(customer);
	}

	/**
	 * The most recent resolved ticket that calls for more than an acknowledgment, or else
	 * simply the most recent resolved one.
	 */
	private TicketAssessment latestSignificant(Customer customer) {
		Instant now = this.clock.instant();
		List<Ticket> resolved = this.desk.resolvedBetween(customer.id(), now.minus(LATEST_WINDOW), now);
		if (resolved.isEmpty()) {
			throw new RefusedException("no-resolved-ticket",
					customer.name() + " has no ticket resolved in the last 90 days to follow up on.");
		}
		TicketAssessment newest = null;
		for (Ticket ticket : resolved.subList(0, Math.min(CANDIDATES, resolved.size()))) {
			TicketAssessment assessed = this.assessor.assess(customer, ticket);
			if (assessed.assessment().level() != FollowUpLevel.MINOR) {
				return assessed;
			}
			newest = (newest != null) ? newest : assessed;
		}
		return newest;
	}

	/**
	 * Who raised the ticket, if we can write to them; otherwise the customer's primary
	 * contact.
	 */
	private Contact recipient(Customer customer, TicketContext context) {
		if (context.requester() != null && context.requester().email() != null) {
			return context.requester();
		}
		return this.customers.contacts(customer.id())
			.stream()
			.filter((contact) -> contact.email() != null)
			.findFirst()
			.orElseThrow(() -> new RefusedException("no-contact",
					customer.name() + " has no contact with an email address to write to."));
	}

	private static DraftRequest draftRequest(FollowUpLevel level, Customer customer, Contact contact,
			TicketAssessment assessed, List<SuggestedReminder> suggested, Csm owner) {
		TicketContext context = assessed.context();
		Ticket ticket = context.ticket();
		SuggestedReminder next = suggested.isEmpty() ? null : suggested.get(0);
		int daysOpen = (int) Math.round(context.timeToResolve().toHours() / 24.0);
		return new DraftRequest(level, contact.firstName(), customer.name(), ticket.number(), ticket.subject(),
				ticket.productArea(), ticket.resolutionSummary(), daysOpen, ticket.escalated(), context.healthDrop(),
				assessed.assessment().offers(), (next != null) ? next.note() : null,
				(next != null) ? next.dueIn().getDays() : 0, owner.displayName(), owner.phone(), owner.email());
	}

}
