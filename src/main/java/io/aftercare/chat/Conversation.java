package io.aftercare.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.aftercare.account.Csm;
import io.aftercare.assessment.AssessmentSettings;
import io.aftercare.chat.intent.CustomerMatcher;
import io.aftercare.chat.intent.CustomerName;
import io.aftercare.chat.intent.Intent;
import io.aftercare.chat.intent.IntentParser;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerId;
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
import io.aftercare.shared.NotFoundException;
import io.aftercare.shared.RefusedException;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketDurations;

import org.springframework.stereotype.Service;

/**
 * Answers what a CSM types. Each turn is stored, so the conversation survives a reload.
 * When a request is ambiguous (two customers match, several resolved tickets, none
 * resolved) it asks, offering the choices as buttons, instead of guessing.
 */
@Service
public class Conversation {

	private static final int BOOK_LIMIT = 5000;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final ChatMessages messages;

	private final CustomerBook customers;

	private final FollowUpManagement followUps;

	private final ReminderBook reminders;

	private final AssessmentSettings assessment;

	private final IntentParser parser = new IntentParser();

	private final CustomerMatcher customerMatcher = new CustomerMatcher();

	private final Clock clock;

	Conversation(ChatMessages messages, CustomerBook customers, FollowUpManagement followUps, ReminderBook reminders,
			AssessmentSettings assessment, Clock clock) {
		this.messages = messages;
		this.customers = customers;
		this.followUps = followUps;
		this.reminders = reminders;
		this.assessment = assessment;
		this.clock = clock;
	}

	/** The CSM's conversation so far, oldest first. */
	public List<ChatEntry> history(Csm csm, int limit) {
		return this.messages.recent(csm.username(), limit);
	}

	/**
	 * Records what the CSM said and answers it; returns the new messages, theirs first.
	 */
	public List<ChatEntry> say(Csm csm, String text) {
		String said = (text != null) ? text.strip() : "";
		if (said.length() > 2000) {
			// Never cut a character in half: its lone half cannot be stored.
			said = said.substring(0, Character.isHighSurrogate(said.charAt(1999)) ? 1999 : 2000);
		}
		List<ChatEntry> turn = new ArrayList<>();
		turn.add(this.messages.append(ChatEntry.fromCsm(csm.username(), said, now())));
		for (ChatEntry reply : answer(csm, this.parser.parse(said))) {
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

	private List<ChatEntry> answer(Csm csm, Intent intent) {
		String me = csm.username();
		try {
			if (intent instanceof Intent.FollowUp followUp) {
				return followUp(csm, followUp);
			}
			if (intent instanceof Intent.RecentTickets recent) {
				return recentTickets(csm, recent);
			}
			if (intent instanceof Intent.ListReminders) {
				return List.of(ChatEntry.card(me, ChatEntry.Kind.REMINDERS, "Here are your open reminders.", null, null,
						now()));
			}
			if (intent instanceof Intent.NewReminder reminder) {
				return newReminder(csm, reminder);
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
			if (intent instanceof Intent.Help) {
				return List.of(ChatEntry.card(me, ChatEntry.Kind.HELP, null, null, null, now()));
			}
			return List.of(ChatEntry.question(me,
					"I didn't catch that. I can prepare a follow-up after a resolved ticket, show recent tickets, "
							+ "and keep reminders.",
					List.of(new ChatEntry.Choice("Help", "help"),
							new ChatEntry.Choice("My reminders", "What reminders do I have?")),
					now()));
		}
		catch (NotFoundException | RefusedException ex) {
			return List.of(ChatEntry.reply(me, ex.getMessage(), now()));
		}
	}

	private List<ChatEntry> followUp(Csm csm, Intent.FollowUp intent) {
		String me = csm.username();
		if (intent.customer() == null || intent.customer().isBlank()) {
			List<ChatEntry.Choice> choices = this.followUps.awaitingFollowUp(csm, TicketChoice.LATELY, 5)
				.stream()
				.map((a) -> new ChatEntry.Choice(a.customerName() + " · " + a.ticketNumber(),
						"Follow up with " + a.customerName() + " on ticket " + a.ticketNumber()))
				.toList();
			return List.of(ChatEntry.question(me,
					choices.isEmpty() ? "Which customer should I follow up with?"
							: "Which customer should I follow up with? These resolved tickets have no follow-up yet:",
					choices, now()));
		}
		Optional<Customer> matched = oneCustomer(csm, intent.customer());
		if (matched.isEmpty()) {
			return customerQuestion(csm, intent.customer(), (name) -> "Follow up with " + name + ticketSuffix(intent));
		}
		Customer customer = matched.get();
		TicketChoice choice;
		try {
			choice = this.followUps.chooseTicket(csm, customer.id(),
					new TicketQuery(null, intent.ticketNumber(), intent.ticketWords()));
		}
		catch (NotFoundException ex) {
			throw new NotFoundException(
					"I couldn't find ticket " + intent.ticketNumber() + " for " + customer.name() + ".");
		}
		if (choice.candidates().isEmpty()) {
			return List.of(ChatEntry.question(me,
					customer.name() + " has no ticket resolved in the last "
							+ TicketDurations.describe(this.assessment.recentWindow())
							+ ", so there is nothing to follow up on yet.",
					List.of(new ChatEntry.Choice("Show recent tickets", "Show recent tickets for " + customer.name())),
					now()));
		}
		if (!choice.isClear()) {
			return ticketQuestion(customer, choice.candidates(), me);
		}
		Ticket ticket = choice.ticket().get();
		if (!intent.again()) {
			Optional<FollowUp> sent = this.followUps.alreadySent(csm, customer.id(), ticket.id());
			if (sent.isPresent()) {
				return List.of(ChatEntry.question(me,
						"A follow-up on ticket " + ticket.number() + " already went to " + sent.get().recipient().name()
								+ " on " + DAY.format(sent.get().sentAt()) + ". Prepare another one?",
						List.of(new ChatEntry.Choice("Prepare another follow-up",
								"Follow up again with " + customer.name() + " on ticket " + ticket.number())),
						now()));
			}
		}
		FollowUpDetails details = this.followUps.request(csm, customer.id(),
				new FollowUpRequest(new TicketQuery(ticket.id().value(), null, List.of()), null));
		String intro = (details.followUp().status() == FollowUpStatus.DRAFT && !details.created())
				? "Here is the follow-up already drafted for " + customer.name() + "'s ticket " + ticket.number() + "."
				: "I'll prepare a follow-up for " + customer.name() + "'s resolved support ticket.";
		return List.of(ChatEntry.card(me, ChatEntry.Kind.FOLLOWUP, intro, details.followUp().id().value(),
				customer.id().value(), now()));
	}

	private static String ticketSuffix(Intent.FollowUp intent) {
		if (intent.ticketNumber() != null) {
			return " on ticket " + intent.ticketNumber();
		}
		return intent.ticketWords().isEmpty() ? "" : " on their " + String.join(" ", intent.ticketWords()) + " ticket";
	}

	private List<ChatEntry> ticketQuestion(Customer customer, List<Ticket> tickets, String me) {
		List<ChatEntry.Choice> choices = tickets.stream()
			.limit(6)
			.map((t) -> new ChatEntry.Choice(t.number() + " · " + t.subject(),
					"Follow up with " + customer.name() + " on ticket " + t.number()))
			.toList();
		return List.of(ChatEntry.question(me, customer.name() + " has " + tickets.size()
				+ " resolved tickets lately. Which one should I follow up on?", choices, now()));
	}

	private List<ChatEntry> recentTickets(Csm csm, Intent.RecentTickets intent) {
		if (intent.customer() == null || intent.customer().isBlank()) {
			return List
				.of(ChatEntry.reply(csm.username(), "Whose tickets? Try \"Show recent tickets for Acme\".", now()));
		}
		Optional<Customer> customer = oneCustomer(csm, intent.customer());
		if (customer.isEmpty()) {
			return customerQuestion(csm, intent.customer(), (name) -> "Show recent tickets for " + name);
		}
		return List.of(ChatEntry.card(csm.username(), ChatEntry.Kind.TICKETS,
				"Recent tickets for " + customer.get().name() + ":", null, customer.get().id().value(), now()));
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

	private List<ChatEntry> inView(Csm csm, String hint) {
		if (followUpInView(csm).isEmpty()) {
			return List.of(ChatEntry.reply(csm.username(),
					"There is no draft in view yet. Try \"Follow up with TechFlow on ticket TF-2024-0847\".", now()));
		}
		return List.of(ChatEntry.reply(csm.username(), hint, now()));
	}

	/**
	 * The single customer of the CSM's book the phrase names, if it names exactly one.
	 */
	private Optional<Customer> oneCustomer(Csm csm, String phrase) {
		List<Customer> matches = customerMatches(csm, phrase);
		return (matches.size() == 1) ? Optional.of(matches.get(0)) : Optional.empty();
	}

	private List<Customer> customerMatches(Csm csm, String phrase) {
		List<CustomerName> names = this.customers.names(csm, BOOK_LIMIT)
			.stream()
			.map((c) -> new CustomerName(c.id().value(), c.name()))
			.toList();
		return this.customerMatcher.match(phrase, names)
			.stream()
			.map((match) -> this.customers.require(csm, new CustomerId(match.id())))
			.toList();
	}

	private List<ChatEntry> customerQuestion(Csm csm, String phrase,
			java.util.function.Function<String, String> command) {
		List<Customer> matches = customerMatches(csm, phrase);
		if (matches.isEmpty()) {
			return List.of(ChatEntry.reply(csm.username(),
					"I couldn't find a customer called \"" + phrase + "\" in your book.", now()));
		}
		return List.of(ChatEntry.question(csm.username(), "Several customers match \"" + phrase + "\". Which one?",
				matches.stream().limit(6).map((c) -> new ChatEntry.Choice(c.name(), command.apply(c.name()))).toList(),
				now()));
	}

	private static String lowerFirst(String text) {
		return (text == null || text.isEmpty()) ? "call them"
				: Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
