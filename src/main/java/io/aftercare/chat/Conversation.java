package io.aftercare.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.aftercare.account.Csm;
import io.aftercare.assessment.AssessmentSettings;
import io.aftercare.chat.ChatEntry.Topic;
import io.aftercare.chat.intent.Book;
import io.aftercare.chat.intent.CustomerMatch;
import io.aftercare.chat.intent.CustomerRef;
import io.aftercare.chat.intent.Intent;
import io.aftercare.chat.intent.IntentParser;
import io.aftercare.chat.intent.TicketRef;
import io.aftercare.chat.intent.TimeWindow;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerId;
import io.aftercare.drafting.DraftStyle;
import io.aftercare.drafting.Language;
import io.aftercare.followup.AwaitingFollowUp;
import io.aftercare.followup.DraftAuthorship;
import io.aftercare.followup.FollowUp;
import io.aftercare.followup.FollowUpDetails;
import io.aftercare.followup.FollowUpId;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.followup.FollowUpRequest;
import io.aftercare.followup.FollowUpStatus;
import io.aftercare.followup.TicketChoice;
import io.aftercare.followup.TicketQuery;
import io.aftercare.reminder.Reminder;
import io.aftercare.reminder.ReminderBook;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.shared.NotFoundException;
import io.aftercare.shared.RefusedException;
import io.aftercare.shared.Text;
import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketDurations;

import org.springframework.stereotype.Service;

/**
 * Answers what a CSM types. Each turn is stored, so the conversation survives a reload,
 * and so is what each answer was about: "them", "send it", "and for Acme?" and "not that
 * one" refer to the conversation so far. When a request is ambiguous (two customers
 * match, several resolved tickets, none resolved) it asks, offering the choices as
 * buttons, instead of guessing.
 * <p>
 * What the chat's own parser does not understand is asked of the language model when one
 * is configured ({@link ModelReader}); its answer is checked against the CSM's book, and
 * a ticket number it names must be one of the customer's tickets.
 */
@Service
public class Conversation {

	private static final int LONGEST_MESSAGE = 2000;

	// Dates in answers are the CSM's, in the zone their browser told.
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

	private final ChatMessages messages;

	private final CustomerBook customers;

	private final FollowUpManagement followUps;

	private final ReminderBook reminders;

	private final SupportDesk desk;

	private final AssessmentSettings assessment;

	private final ModelReader model;

	private final Books books;

	private final IntentParser parser = new IntentParser();

	private final Clock clock;

	Conversation(ChatMessages messages, CustomerBook customers, FollowUpManagement followUps, ReminderBook reminders,
			SupportDesk desk, AssessmentSettings assessment, ModelReader model, Books books, Clock clock) {
		this.messages = messages;
		this.customers = customers;
		this.followUps = followUps;
		this.reminders = reminders;
		this.desk = desk;
		this.assessment = assessment;
		this.model = model;
		this.books = books;
		this.clock = clock;
	}

	/**
	 * Gets ready for the CSM's messages while they read the page: their book of customer
	 * names is built in the background (a second or two at thousands of customers).
	 */
	public void prepare(Csm csm) {
		this.books.prepare(csm);
	}

	/** The CSM's conversation so far, oldest first. */
	public List<ChatEntry> history(Csm csm, int limit) {
		return this.messages.recent(csm.username(), limit);
	}

	/**
	 * Records what the CSM said and answers it; returns the new messages, theirs first.
	 */
	public List<ChatEntry> say(Csm csm, String text) {
		return say(csm, text, ZoneOffset.UTC);
	}

	/**
	 * As {@link #say(Csm, String)}, for a CSM in the time zone {@code zone}: their
	 * "Tuesday" is the one a reminder falls on.
	 */
	public List<ChatEntry> say(Csm csm, String text, ZoneId zone) {
		String said = (text != null) ? text.strip() : "";
		said = Text.cut(LONGEST_MESSAGE, said);
		List<ChatEntry> turn = new ArrayList<>();
		turn.add(this.messages.append(ChatEntry.fromCsm(csm.username(), said, now())));
		InView inView = this.messages.inView(csm.username());
		for (ChatEntry reply : answer(csm, understand(csm, said, inView, zone), inView, zone)) {
			turn.add(this.messages.append(reply));
		}
		return turn;
	}

	/** Adds an Aftercare message to the conversation, for actions taken with buttons. */
	public ChatEntry note(ChatEntry entry) {
		return this.messages.append(entry);
	}

	/** The follow-up that "Send" and "remind me" refer to. */
	public Optional<Long> followUpInView(Csm csm) {
		return this.messages.followUpInView(csm.username());
	}

	/**
	 * What the CSM asks for: read by the parser against their book; when it understands
	 * nothing, by the language model, if there is one and its answer holds.
	 */
	private Intent understand(Csm csm, String said, InView inView, ZoneId zone) {
		Book book = this.books.of(csm);
		Intent intent = this.parser.parse(said, book, now(), zone);
		if (!(intent instanceof Intent.Unknown) || !this.model.isAvailable()) {
			return intent;
		}
		return this.model.read(said, book).filter((read) -> namesRealTickets(csm, read, inView)).orElse(intent);
	}

	/**
	 * Whether a ticket number the model came up with is one of the customer's tickets.
	 */
	private boolean namesRealTickets(Csm csm, Intent intent, InView inView) {
		if (!(intent instanceof Intent.FollowUp followUp) || followUp.ticket().number() == null) {
			return true;
		}
		Long customer = followUp.customer().inView() ? inView.customerId()
				: (followUp.customer().matches().size() == 1) ? followUp.customer().matches().get(0).id() : null;
		if (customer == null) {
			return false;
		}
		Optional<Customer> owned = this.customers.find(csm, new CustomerId(customer));
		return owned.isPresent() && this.desk.findByNumber(owned.get().id(), followUp.ticket().number()).isPresent();
	}

	private List<ChatEntry> answer(Csm csm, Intent intent, InView inView, ZoneId zone) {
		String me = csm.username();
		try {
			if (intent instanceof Intent.FollowUp followUp) {
				return followUp(csm, followUp, inView, zone);
			}
			if (intent instanceof Intent.RecentTickets recent) {
				return recentTickets(csm, recent.customer(), recent.window(), inView, zone);
			}
			if (intent instanceof Intent.FollowUps list) {
				return followUps(csm, list.customer(), inView, zone);
			}
			if (intent instanceof Intent.SameFor same) {
				return sameFor(csm, same.customer(), inView, zone);
			}
			if (intent instanceof Intent.OtherTicket other) {
				return otherTicket(csm, other.ticket(), inView, zone);
			}
			if (intent instanceof Intent.ListReminders) {
				return List.of(ChatEntry.card(me, ChatEntry.Kind.REMINDERS, "Here are your open reminders.", null, null,
						now()));
			}
			if (intent instanceof Intent.NewReminder reminder) {
				return newReminder(csm, reminder);
			}
			if (intent instanceof Intent.Waiting) {
				return waiting(csm, zone);
			}
			if (intent instanceof Intent.Send) {
				return send(csm);
			}
			if (intent instanceof Intent.Edit) {
				return inView(csm, "Use Edit on the draft above to change the subject or body.");
			}
			if (intent instanceof Intent.AddReminderToDraft) {
				return inView(csm, "Use Add Follow-up Reminder on the draft above to set the date and note.");
			}
			if (intent instanceof Intent.Discard) {
				return discard(csm, zone);
			}
			if (intent instanceof Intent.Rewrite rewrite) {
				return rewrite(csm, rewrite.how());
			}
			if (intent instanceof Intent.Thanks) {
				return List.of(ChatEntry.reply(me, "Glad to help. Anything else? Ask \"what's waiting for me?\", "
						+ "or name a customer to follow up with.", now()));
			}
			if (intent instanceof Intent.Help) {
				return List.of(ChatEntry.card(me, ChatEntry.Kind.HELP, null, null, null, now()));
			}
			return unknown(csm, (Intent.Unknown) intent);
		}
		catch (NotFoundException | RefusedException ex) {
			return List.of(ChatEntry.reply(me, ex.getMessage(), now()));
		}
	}

	private List<ChatEntry> unknown(Csm csm, Intent.Unknown unknown) {
		if (unknown.customer().matches().size() == 1) {
			String name = unknown.customer().matches().get(0).name();
			return List.of(ChatEntry.question(csm.username(), "What would you like to do for " + name + "?",
					List.of(new ChatEntry.Choice("Follow up", "Follow up with " + name),
							new ChatEntry.Choice("Recent tickets", "Show recent tickets for " + name),
							new ChatEntry.Choice("Follow-ups", "Show " + name + "'s follow-ups")),
					now()));
		}
		return List.of(ChatEntry.question(csm.username(),
				"I didn't catch that. I can prepare a follow-up after a resolved ticket, show recent tickets, "
						+ "and keep reminders.",
				List.of(new ChatEntry.Choice("Help", "help"),
						new ChatEntry.Choice("What's waiting for me?", "What's waiting for me?"),
						new ChatEntry.Choice("My reminders", "What reminders do I have?")),
				now()));
	}

	/**
	 * The customer the CSM means, or the answer to give instead (a question when several
	 * match, a refusal when none does). {@code customer} is empty, with no answer, when
	 * the CSM named nobody.
	 */
	private record Who(Optional<Customer> customer, List<ChatEntry> instead) {

		static Who is(Customer customer) {
			return new Who(Optional.of(customer), List.of());
		}

		static Who answer(List<ChatEntry> instead) {
			return new Who(Optional.empty(), instead);
		}

		static final Who NOBODY = new Who(Optional.empty(), List.of());

	}

	private Who who(Csm csm, CustomerRef ref, InView inView, Topic topic, Function<String, String> command) {
		String me = csm.username();
		if (ref.inView() && !ref.isNamed()) {
			Optional<Customer> inViewCustomer = customerInView(csm, inView);
			return inViewCustomer.map(Who::is)
				.orElseGet(() -> Who.answer(List.of(ChatEntry.reply(me,
						"Which customer do you mean? Name them, for example \"Follow up with TechFlow\".", now()))));
		}
		if (!ref.isNamed()) {
			return Who.NOBODY;
		}
		List<Customer> matches = ref.matches().isEmpty() ? beyondTheBook(csm, ref.said())
				: ref.matches()
					.stream()
					.map((m) -> this.customers.find(csm, new CustomerId(m.id())))
					.flatMap(Optional::stream)
					.toList();
		if (matches.size() == 1) {
			return Who.is(matches.get(0));
		}
		if (matches.isEmpty()) {
			return Who.answer(List.of(ChatEntry.reply(me,
					"I couldn't find a customer called \"" + ref.said() + "\" in your book.", now())));
		}
		return Who.answer(List.of(ChatEntry.question(me, "Several customers match \"" + ref.said() + "\". Which one?",
				matches.stream().limit(6).map((c) -> new ChatEntry.Choice(c.name(), command.apply(c.name()))).toList(),
				now())
			.about(null, topic)));
	}

	/**
	 * The customers a name the chat's book does not hold may mean: the book holds the
	 * first {@value Books#BOOK_LIMIT} names (an admin's at 100,000 customers does not
	 * hold them all), so a name it misses is looked up as the customer search does. Words
	 * too short to name anyone are not.
	 */
	private List<Customer> beyondTheBook(Csm csm, String said) {
		return (said.strip().length() < 3) ? List.of() : this.customers.search(csm, said.strip(), 7, 0);
	}

	private Optional<Customer> customerInView(Csm csm, InView inView) {
		return (inView.customerId() != null) ? this.customers.find(csm, new CustomerId(inView.customerId()))
				: Optional.empty();
	}

	private List<ChatEntry> followUp(Csm csm, Intent.FollowUp intent, InView inView, ZoneId zone) {
		String me = csm.username();
		Who who = who(csm, intent.customer(), inView, Topic.FOLLOW_UP,
				(name) -> "Follow up with " + name + ticketSuffix(intent.ticket()));
		if (!who.instead().isEmpty()) {
			return who.instead();
		}
		if (who.customer().isEmpty()) {
			return whichCustomer(csm, inView);
		}
		Customer customer = who.customer().get();
		TicketRef ticketRef = intent.ticket();
		TicketChoice choice;
		try {
			choice = this.followUps.chooseTicket(csm, customer.id(), query(ticketRef));
		}
		catch (NotFoundException ex) {
			throw new NotFoundException(
					"I couldn't find ticket " + ticketRef.number() + " for " + customer.name() + ".");
		}
		if (choice.candidates().isEmpty()) {
			String when = (ticketRef.resolved() != null) ? " " + during(ticketRef.resolved(), zone)
					: " in the last " + TicketDurations.describe(this.assessment.recentWindow());
			return List.of(ChatEntry.question(me,
					customer.name() + " has no ticket resolved" + when + ", so there is nothing to follow up on"
							+ ((ticketRef.resolved() != null) ? " then." : " yet."),
					List.of(new ChatEntry.Choice("Show recent tickets", "Show recent tickets for " + customer.name())),
					now())
				.about(customer.id().value(), Topic.FOLLOW_UP));
		}
		if (!choice.isClear()) {
			return ticketQuestion(customer, choice.candidates(), me);
		}
		return prepare(csm, customer, choice.ticket().get(), intent.again(), intent.customer().contact(), zone);
	}

	/** The follow-up on the ticket: the draft it has, or a new one. */
	private List<ChatEntry> prepare(Csm csm, Customer customer, Ticket ticket, boolean again, String contact,
			ZoneId zone) {
		String me = csm.username();
		if (!again) {
			Optional<FollowUp> sent = this.followUps.alreadySent(csm, customer.id(), ticket.id());
			if (sent.isPresent()) {
				return List.of(
						ChatEntry
							.question(me, "A follow-up on ticket "
									+ ticket.number() + " already went to " + sent.get().recipient().name() + " on "
									+ DAY.format(sent.get().sentAt().atZone(zone)) + ". Prepare another one?",
									List.of(new ChatEntry.Choice("Prepare another follow-up",
											"Follow up again with " + customer.name() + " on ticket "
													+ ticket.number())),
									now())
							.about(customer.id().value(), Topic.FOLLOW_UP));
			}
		}
		FollowUpDetails details = this.followUps.request(csm, customer.id(),
				new FollowUpRequest(new TicketQuery(ticket.id().value(), null, List.of()), null));
		String intro = (details.followUp().status() == FollowUpStatus.DRAFT && !details.created())
				? "Here is the follow-up already drafted for " + customer.name() + "'s ticket " + ticket.number() + "."
				: "I'll prepare a follow-up for " + customer.name() + "'s resolved support ticket.";
		String recipient = details.followUp().recipient().name();
		if (contact != null && !contact.equalsIgnoreCase(recipient)) {
			intro += " It is addressed to " + recipient + ", who raised the ticket.";
		}
		return List.of(ChatEntry
			.card(me, ChatEntry.Kind.FOLLOWUP, intro, details.followUp().id().value(), customer.id().value(), now())
			.about(customer.id().value(), Topic.FOLLOW_UP));
	}

	/** Nobody named: the customers with resolved tickets and no follow-up yet. */
	private List<ChatEntry> whichCustomer(Csm csm, InView inView) {
		List<ChatEntry.Choice> choices = new ArrayList<>();
		customerInView(csm, inView)
			.ifPresent((c) -> choices.add(new ChatEntry.Choice(c.name(), "Follow up with " + c.name())));
		for (AwaitingFollowUp a : this.followUps.awaitingFollowUp(csm, TicketChoice.LATELY, 5)) {
			choices.add(new ChatEntry.Choice(a.customerName() + " · " + a.ticketNumber(),
					"Follow up with " + a.customerName() + " on ticket " + a.ticketNumber()));
		}
		return List.of(ChatEntry.question(csm.username(),
				choices.isEmpty() ? "Which customer should I follow up with?"
						: "Which customer should I follow up with? These resolved tickets have no follow-up yet:",
				choices, now())
			.about(null, Topic.FOLLOW_UP));
	}

	private static TicketQuery query(TicketRef ticket) {
		return new TicketQuery(null, ticket.number(), ticket.words(),
				(ticket.resolved() != null) ? ticket.resolved().from() : null,
				(ticket.resolved() != null) ? ticket.resolved().to() : null);
	}

	private static String ticketSuffix(TicketRef ticket) {
		if (ticket.number() != null) {
			return " on ticket " + ticket.number();
		}
		return ticket.words().isEmpty() ? "" : " on their " + String.join(" ", ticket.words()) + " ticket";
	}

	private List<ChatEntry> ticketQuestion(Customer customer, List<Ticket> tickets, String me) {
		List<ChatEntry.Choice> choices = tickets.stream()
			.limit(6)
			.map((t) -> new ChatEntry.Choice(t.number() + " · " + t.subject(),
					"Follow up with " + customer.name() + " on ticket " + t.number()))
			.toList();
		return List.of(ChatEntry
			.question(me,
					customer.name() + " has " + tickets.size()
							+ " resolved tickets lately. Which one should I follow up on?",
					choices, now())
			.about(customer.id().value(), Topic.FOLLOW_UP));
	}

	/**
	 * "Not that one, the SSO ticket": another ticket of the customer in view than the one
	 * of the follow-up shown last.
	 */
	private List<ChatEntry> otherTicket(Csm csm, TicketRef ticketRef, InView inView, ZoneId zone) {
		String me = csm.username();
		Optional<FollowUp> shown = Optional.ofNullable(inView.followUpId())
			.flatMap((id) -> this.followUps.find(csm, new FollowUpId(id)));
		Optional<Customer> customer = shown.flatMap((f) -> this.customers.find(csm, f.customerId()))
			.or(() -> customerInView(csm, inView));
		if (customer.isEmpty()) {
			return List.of(ChatEntry.reply(me,
					"Which customer's ticket? Try \"Follow up with TechFlow on their API ticket\".", now()));
		}
		Customer c = customer.get();
		Optional<Long> current = shown.filter((f) -> f.customerId().equals(c.id())).map((f) -> f.ticketId().value());
		if (ticketRef.isNamed()) {
			return followUp(csm,
					new Intent.FollowUp(
							CustomerRef.named(c.name(), List.of(new CustomerMatch(c.id().value(), c.name(), 0))),
							ticketRef, false),
					inView, zone);
		}
		List<Ticket> others = this.followUps.chooseTicket(csm, c.id(), TicketQuery.any())
			.candidates()
			.stream()
			.filter((t) -> current.isEmpty() || t.id().value() != current.get())
			.toList();
		if (others.isEmpty()) {
			return List.of(ChatEntry.reply(me, c.name() + " has no other ticket resolved in the last "
					+ TicketDurations.describe(this.assessment.recentWindow()) + ".", now()));
		}
		if (others.size() == 1) {
			return prepare(csm, c, others.get(0), false, null, zone);
		}
		return ticketQuestion(c, others, me);
	}

	/** "And for Acme?": what the last answer did, for another customer. */
	private List<ChatEntry> sameFor(Csm csm, CustomerRef customer, InView inView, ZoneId zone) {
		if (inView.topic() == Topic.RECENT_TICKETS) {
			return recentTickets(csm, customer, inView.window(), inView, zone);
		}
		if (inView.topic() == Topic.FOLLOW_UPS) {
			return followUps(csm, customer, inView, zone);
		}
		if (inView.topic() == Topic.FOLLOW_UP) {
			return followUp(csm, new Intent.FollowUp(customer, TicketRef.ANY, false), inView, zone);
		}
		Who who = who(csm, customer, inView, null, (name) -> name);
		if (!who.instead().isEmpty()) {
			return who.instead();
		}
		String name = who.customer().map(Customer::name).orElse("them");
		return unknown(csm, new Intent.Unknown(name, CustomerRef.named(name,
				who.customer().map((c) -> List.of(new CustomerMatch(c.id().value(), c.name(), 0))).orElse(List.of()))));
	}

	private List<ChatEntry> recentTickets(Csm csm, CustomerRef ref, TimeWindow window, InView inView, ZoneId zone) {
		Who who = who(csm, ref, inView, Topic.RECENT_TICKETS, (name) -> "Show recent tickets for " + name);
		if (!who.instead().isEmpty()) {
			return who.instead();
		}
		if (who.customer().isEmpty()) {
			return List
				.of(ChatEntry.reply(csm.username(), "Whose tickets? Try \"Show recent tickets for Acme\".", now()));
		}
		Customer customer = who.customer().get();
		String text = (window == null) ? "Recent tickets for " + customer.name() + ":"
				: "Tickets for " + customer.name() + " " + during(window, zone) + ":";
		return List.of(ChatEntry.card(csm.username(), ChatEntry.Kind.TICKETS, text, null, customer.id().value(), now())
			.about(customer.id().value(), Topic.RECENT_TICKETS)
			.covering(window));
	}

	/**
	 * A customer's follow-ups, newest first, with a button to open each one still open.
	 */
	private List<ChatEntry> followUps(Csm csm, CustomerRef ref, InView inView, ZoneId zone) {
		String me = csm.username();
		Who who = who(csm, ref, inView, Topic.FOLLOW_UPS, (name) -> "Show " + name + "'s follow-ups");
		if (!who.instead().isEmpty()) {
			return who.instead();
		}
		if (who.customer().isEmpty()) {
			return waiting(csm, zone);
		}
		Customer customer = who.customer().get();
		List<FollowUp> all = this.followUps.ofCustomer(csm, customer.id())
			.stream()
			.filter((f) -> f.status() != FollowUpStatus.DISCARDED)
			.limit(10)
			.toList();
		if (all.isEmpty()) {
			return List.of(ChatEntry
				.question(me, "No follow-ups for " + customer.name() + " yet.",
						List.of(new ChatEntry.Choice("Follow up with " + customer.name(),
								"Follow up with " + customer.name())),
						now())
				.about(customer.id().value(), Topic.FOLLOW_UPS));
		}
		StringBuilder text = new StringBuilder(customer.name() + "'s follow-ups:");
		List<ChatEntry.Choice> choices = new ArrayList<>();
		for (FollowUp f : all) {
			String number = this.desk.find(customer.id(), f.ticketId()).map(Ticket::number).orElse("a ticket");
			text.append("\n• ").append(number).append(" · ").append(state(f, zone));
			if (f.status().isOpen() && choices.size() < 4) {
				choices.add(new ChatEntry.Choice("Open " + number,
						"Follow up with " + customer.name() + " on ticket " + number));
			}
		}
		return List
			.of(ChatEntry.question(me, text.toString(), choices, now()).about(customer.id().value(), Topic.FOLLOW_UPS));
	}

	private static String state(FollowUp f, ZoneId zone) {
		return switch (f.status()) {
			case SENT -> "sent to " + f.recipient().name() + " on " + DAY.format(f.sentAt().atZone(zone));
			case DRAFT -> "draft" + (f.createdBy().equals(Csm.AFTERCARE.username()) ? " (drafted for you)" : "")
					+ ", prepared " + DAY.format(f.createdAt().atZone(zone));
			case APPROVED -> "approved, not sent yet";
			case QUEUED ->
				(f.sendAt() != null) ? "queued, to go out " + DAY.format(f.sendAt().atZone(zone)) : "queued to be sent";
			case ON_HOLD -> "on hold: " + f.holdReason();
			case SENDING -> "being sent";
			case FAILED -> "not sent: " + ((f.deliveryDetail() != null) ? f.deliveryDetail() : "the send failed");
			case DISCARDED -> "discarded";
		};
	}

	/**
	 * What waits for the CSM: drafts to review, reminders due, tickets with no follow-up.
	 */
	private List<ChatEntry> waiting(Csm csm, ZoneId zone) {
		Instant now = now();
		List<FollowUp> drafts = Stream.of(FollowUpStatus.DRAFT, FollowUpStatus.FAILED, FollowUpStatus.ON_HOLD)
			.flatMap((status) -> this.followUps.inBook(csm, status, 10).stream())
			.limit(10)
			.toList();
		List<Reminder> due = this.reminders.list(csm, ReminderStatus.OPEN, now.plus(Duration.ofDays(1)), 10);
		List<AwaitingFollowUp> awaiting = this.followUps.awaitingFollowUp(csm, TicketChoice.LATELY, 5);
		if (drafts.isEmpty() && due.isEmpty() && awaiting.isEmpty()) {
			return List.of(ChatEntry.reply(csm.username(), "Nothing is waiting for you: no drafts to review, "
					+ "no reminders due, and every ticket resolved lately has its follow-up.", now));
		}
		StringBuilder text = new StringBuilder("Waiting for you:");
		List<ChatEntry.Choice> choices = new ArrayList<>();
		for (FollowUp draft : drafts) {
			Optional<Customer> customer = this.customers.find(csm, draft.customerId());
			Optional<String> number = customer.flatMap((c) -> this.desk.find(c.id(), draft.ticketId()))
				.map(Ticket::number);
			if (customer.isEmpty() || number.isEmpty()) {
				continue;
			}
			text.append("\n• Draft for ").append(customer.get().name()).append(" · ").append(number.get());
			text.append(draft.status() == FollowUpStatus.DRAFT ? "" : " (" + state(draft, zone) + ")");
			if (choices.size() < 4) {
				choices.add(new ChatEntry.Choice("Review " + customer.get().name() + " · " + number.get(),
						"Follow up with " + customer.get().name() + " on ticket " + number.get()));
			}
		}
		for (Reminder reminder : due) {
			String customer = this.customers.find(csm, reminder.customerId()).map(Customer::name).orElse("a customer");
			text.append("\n• Reminder")
				.append(reminder.isDue(now) ? " due: " : " due " + dayOf(reminder.dueAt(), now, zone) + ": ")
				.append(reminder.note())
				.append(" (")
				.append(customer)
				.append(")");
		}
		if (!due.isEmpty()) {
			choices.add(new ChatEntry.Choice("My reminders", "What reminders do I have?"));
		}
		for (AwaitingFollowUp a : awaiting) {
			text.append("\n• No follow-up yet: ").append(a.customerName()).append(" · ").append(a.ticketNumber());
			if (choices.size() < 6) {
				choices.add(new ChatEntry.Choice("Follow up: " + a.customerName() + " · " + a.ticketNumber(),
						"Follow up with " + a.customerName() + " on ticket " + a.ticketNumber()));
			}
		}
		return List.of(ChatEntry.question(csm.username(), text.toString(), choices, now));
	}

	private List<ChatEntry> newReminder(Csm csm, Intent.NewReminder intent) {
		Optional<Long> inView = followUpInView(csm);
		if (inView.isEmpty()) {
			return List.of(ChatEntry.reply(csm.username(),
					"Reminders belong to a customer. Open a follow-up first (\"Follow up with TechFlow\"), then ask again.",
					now()));
		}
		if (intent.inDays() <= 0) {
			return List
				.of(ChatEntry.reply(csm.username(), "When should I remind you? For example: \"Remind me in 3 days to "
						+ lowerFirst(intent.note()) + "\".", now()));
		}
		Reminder reminder = this.reminders.addToFollowUp(csm, new FollowUpId(inView.get()),
				now().plus(Duration.ofDays(intent.inDays())), intent.note());
		String customer = this.customers.require(csm, reminder.customerId()).name();
		return List
			.of(ChatEntry.card(
					csm.username(), ChatEntry.Kind.REMINDERS, "Reminder set for " + customer + ": " + intent.note()
							+ " in " + intent.inDays() + ((intent.inDays() == 1) ? " day." : " days."),
					null, null, now()));
	}

	private List<ChatEntry> send(Csm csm) {
		Optional<Long> inView = followUpInView(csm);
		if (inView.isEmpty()) {
			return List.of(ChatEntry.reply(csm.username(), "There is no draft in view to send.", now()));
		}
		FollowUp followUp = this.followUps.find(csm, new FollowUpId(inView.get()))
			.orElseThrow(() -> new NotFoundException("That follow-up is no longer available to you."));
		if (followUp.status() == FollowUpStatus.SENT) {
			return List.of(ChatEntry.reply(csm.username(), "That follow-up to "
					+ this.customers.require(csm, followUp.customerId()).name() + " was already sent.", now()));
		}
		return List.of(ChatEntry.card(csm.username(), ChatEntry.Kind.CONFIRM_SEND,
				"Please confirm: this is exactly what will be sent.", inView.get(), followUp.customerId().value(),
				now()));
	}

	/** "Discard this draft": the follow-up in view is dropped; it can be drafted anew. */
	private List<ChatEntry> discard(Csm csm, ZoneId zone) {
		Optional<Long> inView = followUpInView(csm);
		if (inView.isEmpty()) {
			return List.of(ChatEntry.reply(csm.username(), "There is no draft in view to discard.", now()));
		}
		FollowUp followUp = this.followUps.find(csm, new FollowUpId(inView.get()))
			.orElseThrow(() -> new NotFoundException("That follow-up is no longer available to you."));
		Customer customer = this.customers.require(csm, followUp.customerId());
		String number = this.desk.find(customer.id(), followUp.ticketId()).map(Ticket::number).orElse("the ticket");
		if (!followUp.status().isOpen()) {
			return List.of(ChatEntry.reply(csm.username(), "The follow-up to " + customer.name() + " on " + number
					+ " is " + state(followUp, zone) + "; there is no draft to discard.", now()));
		}
		this.followUps.discard(csm, followUp.id());
		return List.of(ChatEntry
			.question(csm.username(), "Discarded the draft for " + customer.name() + "'s ticket " + number + ".",
					List.of(new ChatEntry.Choice("Draft it again",
							"Follow up with " + customer.name() + " on ticket " + number)),
					now())
			.about(customer.id().value(), Topic.FOLLOW_UP));
	}

	private static final Pattern LANGUAGE_ASKED = Pattern.compile("\\bin (english|german|french|spanish)\\b");

	/**
	 * "Make it shorter", "warmer", "more formal", "a fresh take", "in German": the draft
	 * in view written again, by the writer (the language model, the template to fall back
	 * on); the card says who wrote it and, if the template did, why.
	 */
	private List<ChatEntry> rewrite(Csm csm, String how) {
		Optional<Long> inView = followUpInView(csm);
		if (inView.isEmpty()) {
			return inView(csm, "");
		}
		Matcher asked = LANGUAGE_ASKED.matcher(how);
		Language language = asked.find() ? Language.of(asked.group(1)).orElse(null) : null;
		String style = LANGUAGE_ASKED.matcher(how).replaceAll(" ").strip();
		DraftStyle wanted = style.isEmpty() ? null
				: java.util.Arrays.stream(style.split(",| and | but "))
					.map(String::strip)
					.map(DraftStyle::of)
					.flatMap(Optional::stream)
					.findFirst()
					.orElse(null);
		if (wanted == null && language == null) {
			return List.of(ChatEntry.reply(csm.username(), "I can make the draft shorter, warmer or more formal, write "
					+ "a fresh take, write it in English, German, French or Spanish, or go back to the template. "
					+ "For anything else, use Edit on the draft above.", now()));
		}
		if (wanted == null) {
			wanted = this.followUps.writesWithModel() ? DraftStyle.FRESH : DraftStyle.TEMPLATE;
		}
		FollowUp rewritten = this.followUps.rewrite(csm, new FollowUpId(inView.get()), wanted, language);
		DraftAuthorship by = rewritten.authorship();
		String done = (by.fallbackReason() != null)
				? "The language model's draft didn't hold, so this one is the template's (" + by.fallbackReason() + ")."
				: (wanted == DraftStyle.TEMPLATE) ? "Here it is from the template, in " + by.language().label() + "."
						: "Here it is" + (style.isEmpty() ? "" : ", " + style)
								+ ((language != null) ? ", in " + language.label() : "") + ".";
		return List.of(
				ChatEntry
					.card(csm.username(), ChatEntry.Kind.FOLLOWUP, done, rewritten.id().value(),
							rewritten.customerId().value(), now())
					.about(rewritten.customerId().value(), Topic.FOLLOW_UP));
	}

	private List<ChatEntry> inView(Csm csm, String hint) {
		if (followUpInView(csm).isEmpty()) {
			return List.of(ChatEntry.reply(csm.username(),
					"There is no draft in view yet. Try \"Follow up with TechFlow on ticket TF-2024-0847\".", now()));
		}
		return List.of(ChatEntry.reply(csm.username(), hint, now()));
	}

	/**
	 * "later today" or "tomorrow", as the CSM counts days, for a reminder due within a
	 * day.
	 */
	private static String dayOf(Instant due, Instant now, ZoneId zone) {
		return due.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate()) ? "later today" : "tomorrow";
	}

	/** "from Apr 1 to May 1", "since May 11". */
	private static String during(TimeWindow window, ZoneId zone) {
		return (window.to() == null) ? "since " + DAY.format(window.from().atZone(zone))
				: "from " + DAY.format(window.from().atZone(zone)) + " to "
						+ DAY.format(window.to().minusSeconds(1).atZone(zone));
	}

	private static String lowerFirst(String text) {
		return (text == null || text.isEmpty()) ? "call them"
				: Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
