package io.aftercare.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.aftercare.account.Csm;
import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.assessment.ImpactAssessment;
import io.aftercare.assessment.ImpactAssessor;
import io.aftercare.assessment.Offer;
import io.aftercare.assessment.SuggestedReminder;
import io.aftercare.assessment.TicketAssessment;
import io.aftercare.assessment.TicketContext;
import io.aftercare.customer.Contact;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerId;
import io.aftercare.drafting.DraftRequest;
import io.aftercare.drafting.DraftStyle;
import io.aftercare.drafting.Drafting;
import io.aftercare.drafting.Language;
import io.aftercare.drafting.WrittenDraft;
import io.aftercare.shared.RefusedException;
import io.aftercare.shared.jdbc.ReadOnly;
import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketDurations;
import io.aftercare.ticket.TicketId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prepares, edits, approves and discards follow-ups on behalf of a signed-in CSM, and
 * answers questions about them. Each command returns the follow-up as it changed it and
 * announces the change as an event; {@link #details} gathers what a CSM sees beside it,
 * once per answer. Sending is {@link FollowUpSender}'s job.
 */
@Service
public class FollowUpManagement {

	/** How many of the newest candidates are assessed to find the most significant. */
	private static final int CANDIDATES = 10;

	/** The highest level first, then the most recently resolved. */
	private static final Comparator<TicketAssessment> MOST_SIGNIFICANT_FIRST = Comparator
		.comparing((TicketAssessment assessed) -> assessed.assessment().level())
		.reversed()
		.thenComparing((assessed) -> assessed.context().ticket().resolvedAt(), Comparator.reverseOrder());

	private final FollowUps followUps;

	private final CustomerBook customers;

	private final SupportDesk desk;

	private final TicketChoices tickets;

	private final ImpactAssessor assessor;

	private final Drafting writer;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	FollowUpManagement(FollowUps followUps, CustomerBook customers, SupportDesk desk, TicketChoices tickets,
			ImpactAssessor assessor, Drafting writer, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.followUps = followUps;
		this.customers = customers;
		this.desk = desk;
		this.tickets = tickets;
		this.assessor = assessor;
		this.writer = writer;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Prepares a follow-up for the resolved ticket the CSM means. If the ticket already
	 * has an unsent follow-up at the requested level, that one is returned instead of a
	 * second draft; asking for another level discards it and drafts anew. The draft is
	 * written outside any transaction (a writer may take its time); only storing it is
	 * one.
	 * @throws RefusedException when the customer has no resolved ticket to follow up on,
	 * or no contact to write to
	 */
	public FollowUpDetails request(Csm csm, CustomerId customerId, FollowUpRequest request) {
		Customer customer = this.customers.require(csm, customerId);
		TicketAssessment assessed = assess(customer, this.tickets.choose(customer, request.ticket()));
		Ticket ticket = assessed.context().ticket();
		FollowUpLevel level = (request.level() != null) ? request.level() : assessed.assessment().level();
		Predicate<FollowUp> serves = (open) -> reusable(open, request.level(), level, request.language());
		Optional<FollowUp> drafted = this.followUps.openForTicket(ticket.id()).filter(serves);
		if (drafted.isPresent()) {
			return new FollowUpDetails(drafted.get(), customer, ticket, assessed.context(), false);
		}
		Written written = write(customer, assessed, level, List.of(), csm, request.language());
		for (int attempt = 1;; attempt++) {
			try {
				return this.transaction.execute((status) -> {
					// Someone may have drafted one meanwhile.
					Optional<FollowUp> open = this.followUps.openForTicket(ticket.id());
					if (open.filter(serves).isPresent()) {
						return new FollowUpDetails(open.get(), customer, ticket, assessed.context(), false);
					}
					Instant now = this.clock.instant();
					open.ifPresent((replaced) -> discard(replaced, csm, "replaced by a " + level + " follow-up", now));
					FollowUp stored = store(written, List.of(), csm.username(), null, now);
					return new FollowUpDetails(stored, customer, ticket, assessed.context(), true);
				});
			}
			catch (DuplicateKeyException ex) {
				// A request made at the same moment stored the ticket's one open
				// follow-up first (V82); decided again, this one sees it.
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Drafts, unasked, one follow-up on tickets of a customer resolved lately: about the
	 * most significant of them, naming the others, for the CSM who owns the customer to
	 * review. Nothing is sent without them. A draft Aftercare wrote earlier and nobody
	 * touched since is replaced by one that covers its tickets too; a follow-up a CSM is
	 * working on is left alone, and nothing is drafted.
	 * @param why why Aftercare drafts it, as the CSM reads it ("urgent ticket resolved
	 * after 4 days")
	 * @return the draft, or empty when nothing was drafted (no ticket is resolved any
	 * more, or a CSM's follow-up is open)
	 */
	public Optional<FollowUp> draftUnasked(CustomerId customerId, List<TicketId> ticketIds, List<String> why) {
		// The draft is written outside the transaction, from the customer's open
		// follow-ups as they were; when they changed meanwhile (the ticket's own
		// redraft, a CSM's follow-up), it is written again from what they are now.
		for (int attempt = 1;; attempt++) {
			Attempt drafting = tryDraftUnasked(customerId, ticketIds, why);
			if (!drafting.stale()) {
				return drafting.drafted();
			}
			if (attempt == 3) {
				throw new OptimisticLockingFailureException(
						"the follow-ups of customer " + customerId.value() + " kept changing while drafting");
			}
		}
	}

	/**
	 * An unasked draft, or none, unless the customer's open follow-ups changed meanwhile.
	 */
	private record Attempt(boolean stale, Optional<FollowUp> drafted) {

		static final Attempt STALE = new Attempt(true, Optional.empty());

		static Attempt done(Optional<FollowUp> drafted) {
			return new Attempt(false, drafted);
		}

	}

	private Attempt tryDraftUnasked(CustomerId customerId, List<TicketId> ticketIds, List<String> why) {
		Csm aftercare = Csm.AFTERCARE;
		Customer customer = this.customers.require(aftercare, customerId);
		List<FollowUp> open = this.followUps.openForCustomer(customerId);
		Optional<FollowUp> earlier = open.stream().filter(this::untouchedUnasked).findFirst();
		if (open.size() > (earlier.isPresent() ? 1 : 0)) {
			return Attempt.done(Optional.empty());
		}
		Set<TicketId> wanted = new LinkedHashSet<>(ticketIds);
		earlier.ifPresent((draft) -> wanted.addAll(draft.tickets()));
		List<TicketAssessment> assessed = wanted.stream()
			.map((id) -> this.desk.find(customerId, id))
			.flatMap(Optional::stream)
			.filter(Ticket::isResolved)
			.map((ticket) -> this.assessor.assess(customer, ticket))
			.sorted(MOST_SIGNIFICANT_FIRST)
			.toList();
		if (assessed.isEmpty()) {
			return Attempt.done(Optional.empty());
		}
		TicketAssessment primary = assessed.get(0);
		List<Ticket> others = assessed.subList(1, assessed.size()).stream().map((a) -> a.context().ticket()).toList();
		Written written = write(customer, primary, primary.assessment().level(), others, aftercare, null);
		String reason = "Drafted by Aftercare because: " + String.join("; ", why);
		try {
			return this.transaction.execute((status) -> {
				List<FollowUp> locked = this.followUps.lockOpenForCustomer(customerId);
				if (!sameFollowUps(locked, open)) {
					return Attempt.STALE;
				}
				Instant now = this.clock.instant();
				for (FollowUp replaced : locked) {
					// Only the earlier draft: any other open follow-up returned above.
					discard(replaced, aftercare, "replaced by a follow-up that also covers "
							+ String.join(", ", others.stream().map(Ticket::number).toList()), now);
				}
				return Attempt.done(Optional
					.of(store(written, others.stream().map(Ticket::id).toList(), aftercare.username(), reason, now)));
			});
		}
		catch (DuplicateKeyException ex) {
			// A CSM's request stored the ticket's one open follow-up at the same moment.
			return Attempt.STALE;
		}
	}

	/** The same follow-ups, in the same version: nobody changed them in between. */
	private static boolean sameFollowUps(List<FollowUp> now, List<FollowUp> before) {
		return versions(now).equals(versions(before));
	}

	private static List<String> versions(List<FollowUp> followUps) {
		return followUps.stream().map((f) -> f.id().value() + "@" + f.version()).toList();
	}

	/**
	 * Drafts a follow-up on hold anew, once its tickets are resolved again: the reopening
	 * may have changed what it should say, and how much care it needs.
	 * @return the new draft, or empty when the follow-up was no longer on hold by then
	 * (Aftercare's draft for the customer's other resolutions or a CSM's request replaced
	 * it meanwhile)
	 */
	Optional<FollowUp> redraft(FollowUp held) {
		Csm aftercare = Csm.AFTERCARE;
		Customer customer = this.customers.require(aftercare, held.customerId());
		Ticket ticket = ticketOf(held);
		TicketAssessment assessed = this.assessor.assess(customer, ticket);
		List<Ticket> others = held.alsoCovers()
			.stream()
			.map((id) -> this.desk.find(held.customerId(), id))
			.flatMap(Optional::stream)
			.toList();
		FollowUpLevel level = (held.level() != held.assessedLevel()) ? held.level() : assessed.assessment().level();
		Written written = write(customer, assessed, level, others, aftercare, held.authorship().language());
		try {
			return this.transaction.execute((status) -> {
				Optional<FollowUp> current = this.followUps.lockOpenForCustomer(held.customerId())
					.stream()
					.filter((f) -> f.id().equals(held.id()) && f.status() == FollowUpStatus.ON_HOLD)
					.findFirst();
				if (current.isEmpty()) {
					return Optional.empty();
				}
				Instant now = this.clock.instant();
				discard(current.get(), aftercare, "drafted anew: the ticket was resolved again", now);
				return Optional.of(store(written, held.alsoCovers(), held.createdBy(), null, now));
			});
		}
		catch (DuplicateKeyException ex) {
			// A CSM's request replaced the held draft at the same moment: theirs stands.
			return Optional.empty();
		}
	}

	/** Drafted by Aftercare, unasked, and not edited or approved by anyone since. */
	private boolean untouchedUnasked(FollowUp followUp) {
		return followUp.createdBy().equals(Csm.AFTERCARE.username()) && followUp.editedAt() == null
				&& (followUp.status() == FollowUpStatus.DRAFT || followUp.status() == FollowUpStatus.ON_HOLD);
	}

	/** A draft written for a customer, not stored yet. */
	private record Written(Customer customer, TicketAssessment assessed, FollowUpLevel level, Contact contact,
			String owner, WrittenDraft draft) {
	}

	/**
	 * Writes the draft, outside any transaction: a writer may take its time.
	 * @param language the language the CSM asked for, or {@code null} for the contact's
	 */
	private Written write(Customer customer, TicketAssessment assessed, FollowUpLevel level, List<Ticket> others,
			Csm asking, Language language) {
		Contact contact = recipient(customer, assessed.context());
		Csm owner = this.customers.owner(customer, asking);
		WrittenDraft draft = this.writer
			.write(draftRequest(level, customer, contact, assessed, owner, others, language));
		return new Written(customer, assessed, level, contact, owner.username(), draft);
	}

	/** Whether drafts are written by the language model (else by the templates). */
	public boolean writesWithModel() {
		return this.writer.usesModel();
	}

	/**
	 * Writes the draft again as the CSM asks: shorter, warmer, more formal, afresh, or by
	 * the template; in another language when they name one (else in the draft's). The
	 * writer works outside any transaction; the new draft replaces the current one as an
	 * edit by the CSM, so an approval is voided.
	 * @throws RefusedException when the follow-up can no longer be edited, its ticket is
	 * not resolved, or the style needs the language model and it is off
	 */
	public FollowUp rewrite(Csm csm, FollowUpId id, DraftStyle style, Language language) {
		FollowUp followUp = this.transaction.execute((status) -> load(csm, id));
		if (!followUp.status().isEditable()) {
			throw new RefusedException("not-editable", "This follow-up can no longer be rewritten.");
		}
		Customer customer = this.customers.require(csm, followUp.customerId());
		Ticket ticket = ticketOf(followUp);
		if (!ticket.isResolved()) {
			throw new RefusedException("not-resolved",
					"Ticket " + ticket.number() + " is open again: the draft is rewritten once it is resolved.");
		}
		TicketAssessment assessed = this.assessor.assess(customer, ticket);
		List<Ticket> others = followUp.alsoCovers()
			.stream()
			.map((other) -> this.desk.find(followUp.customerId(), other))
			.flatMap(Optional::stream)
			.toList();
		Contact contact = recipient(customer, assessed.context());
		Csm owner = this.customers.owner(customer, csm);
		Language in = (language != null) ? language : followUp.authorship().language();
		DraftRequest request = draftRequest(followUp.level(), customer, contact, assessed, owner, others, in);
		WrittenDraft written = this.writer.rewrite(request, style, followUp.content());
		return this.transaction.execute((status) -> {
			FollowUp current = load(csm, id);
			boolean wasApproved = current.isApprovedAsIs();
			int before = current.contentVersion();
			Instant now = this.clock.instant();
			current.rewrite(written.draft(), DraftAuthorship.of(written, current.authorship().tokensUsed()),
					csm.username(), now);
			this.followUps.update(current, now);
			if (current.contentVersion() != before) {
				this.events.publishEvent(new FollowUpEdited(id, current.customerId(), current.contentVersion(),
						wasApproved, csm.username(), now));
			}
			return this.followUps.find(id).orElseThrow();
		});
	}

	/** Stores a written draft and announces it; in the caller's transaction. */
	private FollowUp store(Written written, List<TicketId> alsoCovers, String draftedBy, String why, Instant now) {
		Ticket ticket = written.assessed().context().ticket();
		ImpactAssessment assessment = written.assessed().assessment();
		List<String> reasons = new ArrayList<>();
		if (why != null) {
			reasons.add(why);
		}
		reasons.addAll(assessment.reasons());
		FollowUpId id = this.followUps.insert(
				FollowUp
					.draft(written.customer().id(), ticket.id(), alsoCovers, written.level(), assessment.level(),
							reasons, assessment.offers().stream().map(Offer::forCsm).toList(), assessment.reminders(),
							new FollowUp.Recipient(written.contact().name(), written.contact().email()),
							written.draft().draft(), draftedBy, now)
					.writtenBy(DraftAuthorship.of(written.draft(), 0)));
		this.events.publishEvent(new FollowUpDrafted(id, written.customer().id(), ticket.id(), ticket.number(),
				written.level(), assessment.level(), written.owner(), why, draftedBy, now));
		return this.followUps.find(id).orElseThrow();
	}

	/**
	 * Whether the ticket's unsent draft serves, edits and all: unless the CSM explicitly
	 * asks for another level or language.
	 */
	private static boolean reusable(FollowUp open, FollowUpLevel requested, FollowUpLevel level, Language language) {
		return (requested == null || open.level() == level)
				&& (language == null || open.authorship().language() == language);
	}

	/**
	 * Which resolved ticket the CSM means, for a door that can ask when it is not clear.
	 * @see TicketChoices
	 */
	@ReadOnly
	public TicketChoice chooseTicket(Csm csm, CustomerId customerId, TicketQuery query) {
		return this.tickets.choose(this.customers.require(csm, customerId), query);
	}

	/** The follow-up with its customer, ticket and the ticket's current context. */
	@ReadOnly
	public FollowUpDetails details(Csm csm, FollowUp followUp) {
		Customer customer = this.customers.require(csm, followUp.customerId());
		Ticket ticket = ticketOf(followUp);
		TicketContext context = ticket.isResolved() ? this.assessor.assess(customer, ticket).context() : null;
		return new FollowUpDetails(followUp, customer, ticket, context, false);
	}

	@ReadOnly
	public FollowUpDetails get(Csm csm, FollowUpId id) {
		return details(csm, load(csm, id));
	}

	/** A follow-up of a customer the CSM may see. */
	@ReadOnly
	public Optional<FollowUp> find(Csm csm, FollowUpId id) {
		return this.followUps.find(id)
			.filter((followUp) -> this.customers.find(csm, followUp.customerId()).isPresent());
	}

	/** The follow-ups of one customer, newest first. */
	@ReadOnly
	public List<FollowUp> ofCustomer(Csm csm, CustomerId customerId) {
		this.customers.require(csm, customerId);
		return this.followUps.ofCustomer(customerId, 50);
	}

	/**
	 * The follow-up that already went out for this ticket, when nothing else is in the
	 * works for it: asking for a follow-up then most likely means a second email, which
	 * deserves a question.
	 */
	@ReadOnly
	public Optional<FollowUp> alreadySent(Csm csm, CustomerId customerId, TicketId ticketId) {
		this.customers.require(csm, customerId);
		if (this.followUps.openForTicket(ticketId).isPresent()) {
			return Optional.empty();
		}
		return this.followUps.lastSentForTicket(ticketId);
	}

	/** When the customer last got a follow-up, if ever. */
	@ReadOnly
	public Optional<Instant> lastSentTo(CustomerId customerId) {
		return this.followUps.lastSentTo(customerId);
	}

	/** Follow-ups of the CSM's book in a status, newest first. */
	@ReadOnly
	public List<FollowUp> inBook(Csm csm, FollowUpStatus status, int limit) {
		return this.followUps.inBook(csm.ownerFilter(), status, limit);
	}

	/**
	 * Tickets of the CSM's book resolved in the last {@code window} that have no
	 * follow-up yet.
	 */
	@ReadOnly
	public List<AwaitingFollowUp> awaitingFollowUp(Csm csm, Duration window, int limit) {
		return this.followUps.awaiting(csm.ownerFilter(), this.clock.instant().minus(window), limit);
	}

	/**
	 * The CSM's follow-ups queued, being sent or failed, and those sent within
	 * {@code sentWithin}, newest first: how their emails are doing.
	 */
	@ReadOnly
	public List<FollowUp> deliveries(Csm csm, Duration sentWithin, int limit) {
		return this.followUps.deliveries(csm.ownerFilter(), this.clock.instant().minus(sentWithin), limit);
	}

	@Transactional
	public FollowUp edit(Csm csm, FollowUpId id, String subject, String body) {
		FollowUp followUp = load(csm, id);
		boolean wasApproved = followUp.isApprovedAsIs();
		int before = followUp.contentVersion();
		Instant now = this.clock.instant();
		followUp.edit(subject, body, csm.username(), now);
		if (followUp.contentVersion() != before) {
			this.followUps.update(followUp, now);
			this.events.publishEvent(new FollowUpEdited(id, followUp.customerId(), followUp.contentVersion(),
					wasApproved, csm.username(), now));
		}
		return followUp;
	}

	/**
	 * Approves the current wording. Approving an already approved follow-up changes
	 * nothing. The reminders it suggests are scheduled by whoever keeps reminders, on
	 * {@link FollowUpApproved}.
	 */
	@Transactional
	public FollowUp approve(Csm csm, FollowUpId id, Integer seenVersion) {
		FollowUp followUp = load(csm, id);
		Instant now = this.clock.instant();
		if (followUp.approve(seenVersion, csm.username(), now)) {
			this.followUps.update(followUp, now);
			Customer customer = this.customers.require(csm, followUp.customerId());
			this.events.publishEvent(new FollowUpApproved(id, followUp.customerId(), followUp.ticketId(),
					this.customers.owner(customer, csm).username(), followUp.level(), followUp.contentVersion(),
					followUp.suggestedReminders(), csm.username(), now));
		}
		return followUp;
	}

	@Transactional
	public FollowUp discard(Csm csm, FollowUpId id) {
		FollowUp followUp = load(csm, id);
		discard(followUp, csm, null, this.clock.instant());
		return followUp;
	}

	private void discard(FollowUp followUp, Csm csm, String reason, Instant now) {
		followUp.discard();
		this.followUps.update(followUp, now);
		this.events
			.publishEvent(new FollowUpDiscarded(followUp.id(), followUp.customerId(), reason, csm.username(), now));
	}

	/** Loads a follow-up of a customer the CSM may see; anything else is not found. */
	FollowUp load(Csm csm, FollowUpId id) {
		return find(csm, id).orElseThrow(() -> new FollowUpNotFoundException(id));
	}

	Ticket ticketOf(FollowUp followUp) {
		return this.desk.find(followUp.customerId(), followUp.ticketId()).orElseThrow();
	}

	/**
	 * The clear choice, or else the most recent candidate whose assessment calls for more
	 * than an acknowledgment, or else simply the most recent one.
	 */
	private TicketAssessment assess(Customer customer, TicketChoice choice) {
		if (choice.ticket().isPresent()) {
			return this.assessor.assess(customer, choice.ticket().get());
		}
		if (choice.candidates().isEmpty()) {
			throw new RefusedException("no-resolved-ticket", customer.name() + " has no ticket resolved in the last "
					+ TicketDurations.describe(this.tickets.window()) + " to follow up on.");
		}
		TicketAssessment newest = null;
		for (Ticket ticket : choice.candidates().subList(0, Math.min(CANDIDATES, choice.candidates().size()))) {
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

	/**
	 * The facts the writer is given: what the assessment gathered (the customer's public
	 * comments among it), and the language to write in (the one asked for, else the
	 * contact's, else that of the customer's comments).
	 */
	private DraftRequest draftRequest(FollowUpLevel level, Customer customer, Contact contact,
			TicketAssessment assessed, Csm owner, List<Ticket> others, Language language) {
		TicketContext context = assessed.context();
		Ticket ticket = context.ticket();
		List<String> customerWords = context.customerWords();
		Language in = (language != null) ? language : Language.forContact(contact.language(), customerWords);
		List<SuggestedReminder> suggested = assessed.assessment().reminders();
		SuggestedReminder next = suggested.isEmpty() ? null : suggested.get(0);
		return new DraftRequest(level, contact.firstName(), customer.name(), ticket.number(), ticket.subject(),
				ticket.productArea(), ticket.resolutionSummary(), context.timeToResolve(),
				assessed.assessment().resolvedLate(), ticket.escalated(), context.healthDrop(),
				assessed.assessment().offers().stream().map(Offer::forCustomer).toList(),
				(next != null) ? next.promise() : null, (next != null) ? next.dueIn().getDays() : 0,
				owner.displayName(), owner.phone(), owner.email(),
				others.stream().map((other) -> new DraftRequest.OtherTicket(other.number(), other.subject())).toList(),
				contact.role(), in, customerWords, assessed.assessment().reasons(), context.impactSummary(),
				context.customerTone().isUpset());
	}

}
