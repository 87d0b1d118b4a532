package io.aftercare.chat.intent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A language model's reading of a message, checked before the chat acts on it. The model
 * answers JSON of the shape {@link #SCHEMA} describes; everything it names is checked
 * against the message and the CSM's {@link Book}: a customer, contact or ticket number
 * the message does not contain (the model made it up), a customer or contact not in the
 * book, a malformed ticket number, an intent the model may not choose (sending and
 * discarding are only ever typed), or anything that is not that JSON refuses the whole
 * answer, and the chat answers as if no model had been asked.
 */
public final class ModelAnswer {

	/**
	 * The JSON schema the model must answer with (OpenAI structured outputs, strict:
	 * every property required, none other allowed).
	 */
	public static final String SCHEMA = """
			{
			  "type": "object",
			  "additionalProperties": false,
			  "required": ["intent", "customer", "customer_reference", "contact", "ticket_number", "ticket_words",
			               "days", "note"],
			  "properties": {
			    "intent": {"type": "string", "enum": ["follow_up", "recent_tickets", "follow_ups", "reminders",
			               "new_reminder", "waiting", "help", "unknown"]},
			    "customer": {"type": ["string", "null"], "description": "the customer's name exactly as written in the message"},
			    "customer_reference": {"type": "string", "enum": ["named", "in_view", "none"]},
			    "contact": {"type": ["string", "null"], "description": "a person's name as written in the message"},
			    "ticket_number": {"type": ["string", "null"]},
			    "ticket_words": {"type": "array", "items": {"type": "string"}},
			    "days": {"type": ["integer", "null"]},
			    "note": {"type": ["string", "null"]}
			  }
			}""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int LONGEST_ANSWER = 4000;

	private static final int LONGEST_NAME = 120;

	private static final int MOST_WORDS = 6;

	private static final int LONGEST_NOTE = 200;

	private static final int MOST_DAYS = 365;

	private static final Pattern TICKET_NUMBER = Pattern.compile("#?[A-Za-z0-9][A-Za-z0-9-]{0,39}");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{1,30}");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Set<String> INTENTS = Set.of("follow_up", "recent_tickets", "follow_ups", "reminders",
			"new_reminder", "waiting", "help");

	private ModelAnswer() {
	}

	/**
	 * What came of a model's answer: the intent, or why it was refused.
	 *
	 * @param intent the intent read, when the answer was sound
	 * @param refusal why it was refused, {@code null} when it was not
	 */
	public record Checked(Optional<Intent> intent, String refusal) {

		static Checked refused(String why) {
			return new Checked(Optional.empty(), why);
		}

		static Checked of(Intent intent) {
			return new Checked(Optional.of(intent), null);
		}

	}

	/**
	 * Reads and checks the model's answer.
	 * @param answer the model's answer, as text
	 * @param message what the CSM typed, the only place the answer may take names and
	 * numbers from
	 * @param book the CSM's customers and contacts, the only ones the answer may name
	 */
	public static Checked check(String answer, String message, Book book) {
		if (answer == null || answer.isBlank() || answer.length() > LONGEST_ANSWER) {
			return Checked.refused("no answer, or one too long");
		}
		JsonNode json;
		try {
			json = JSON.readTree(stripFence(answer));
		}
		catch (JacksonException ex) {
			return Checked.refused("not JSON");
		}
		if (json == null || !json.isObject()) {
			return Checked.refused("not a JSON object");
		}
		String intent = text(json, "intent");
		if (intent == null || !INTENTS.contains(intent)) {
			// The reason is logged: never with what the model wrote, which may name
			// anyone.
			return Checked.refused("no intent the chat acts on");
		}
		switch (intent) {
			case "reminders":
				return Checked.of(new Intent.ListReminders());
			case "waiting":
				return Checked.of(new Intent.Waiting());
			case "help":
				return Checked.of(new Intent.Help());
			case "new_reminder":
				return reminder(json);
			default:
				break;
		}
		CustomerRef customer;
		try {
			customer = customer(json, said(message), book);
		}
		catch (IllegalArgumentException ex) {
			return Checked.refused(ex.getMessage());
		}
		if (intent.equals("recent_tickets")) {
			return Checked.of(new Intent.RecentTickets(customer, null));
		}
		if (intent.equals("follow_ups")) {
			return Checked.of(new Intent.FollowUps(customer));
		}
		String number = text(json, "ticket_number");
		if (number != null
				&& (!TICKET_NUMBER.matcher(number).matches() || number.chars().noneMatch(Character::isDigit))) {
			return Checked.refused("not a ticket number");
		}
		if (number != null && !said(message).contains(plain(number))) {
			return Checked.refused("a ticket number the message does not name");
		}
		List<String> words = new ArrayList<>();
		JsonNode ticketWords = json.get("ticket_words");
		if (ticketWords != null && ticketWords.isArray()) {
			for (JsonNode word : ticketWords) {
				String w = word.isString() ? word.stringValue().strip().toLowerCase(Locale.ROOT) : "";
				if (WORD.matcher(w).matches() && words.size() < MOST_WORDS && !Vocabulary.FILLER.contains(w)) {
					words.add(w);
				}
			}
		}
		return Checked.of(new Intent.FollowUp(customer,
				new TicketRef((number != null) ? number.replaceFirst("^#", "") : null, words, null), false));
	}

	private static Checked reminder(JsonNode json) {
		JsonNode days = json.get("days");
		String note = text(json, "note");
		if (days == null || !days.isInt() || days.intValue() < 1 || days.intValue() > MOST_DAYS) {
			return Checked.refused("a reminder needs a number of days");
		}
		if (note != null && (note.length() > LONGEST_NOTE || note.contains("\n"))) {
			return Checked.refused("a reminder's note must be one short line");
		}
		String said = (note != null && !note.isBlank()) ? note.strip() : null;
		return Checked.of(new Intent.NewReminder(days.intValue(),
				(said != null) ? Character.toUpperCase(said.charAt(0)) + said.substring(1) : null));
	}

	/**
	 * The customer the answer names, found in the book; refused (as an exception) when it
	 * names one that is not there.
	 */
	private static CustomerRef customer(JsonNode json, String said, Book book) {
		String reference = text(json, "customer_reference");
		String name = text(json, "customer");
		String contact = text(json, "contact");
		if ("in_view".equals(reference)) {
			return CustomerRef.IN_VIEW;
		}
		if (name == null && contact == null) {
			return CustomerRef.NONE;
		}
		List<CustomerMatch> matches = List.of();
		if (name != null) {
			if (name.length() > LONGEST_NAME) {
				throw new IllegalArgumentException("a customer's name too long");
			}
			if (plain(name).isEmpty() || !said.contains(plain(name))) {
				throw new IllegalArgumentException("a customer the message does not name");
			}
			matches = new CustomerMatcher().match(name, book.customers());
			if (matches.isEmpty()) {
				throw new IllegalArgumentException("a customer outside the CSM's book");
			}
		}
		String contactName = null;
		if (contact != null) {
			if (contact.length() > LONGEST_NAME || plain(contact).isEmpty() || !said.contains(plain(contact))) {
				throw new IllegalArgumentException("a contact the message does not name");
			}
			List<Long> of = matches.stream().map(CustomerMatch::id).toList();
			List<ContactName> named = book.contactsNamed(contact)
				.stream()
				.filter((c) -> of.isEmpty() || of.contains(c.customerId()))
				.toList();
			if (named.isEmpty()) {
				throw new IllegalArgumentException("a contact outside the CSM's book");
			}
			contactName = named.get(0).name();
			if (matches.isEmpty()) {
				matches = named.stream()
					.map(ContactName::customerId)
					.distinct()
					.flatMap((id) -> book.customers().stream().filter((c) -> c.id() == id))
					.map((c) -> new CustomerMatch(c.id(), c.name(), 0))
					.toList();
			}
		}
		return new CustomerRef((name != null) ? name : contact, matches, contactName, false);
	}

	/**
	 * The message as {@link #plain} makes names: what the model names must be found in
	 * it, whatever its spacing, case, accents or punctuation ("Tech-Flow's" names
	 * "techflow").
	 */
	private static String said(String message) {
		return (message != null) ? plain(message) : "";
	}

	private static String plain(String text) {
		String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
		return NOT_LETTERS_OR_DIGITS.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll("");
	}

	private static String text(JsonNode json, String field) {
		JsonNode node = json.get(field);
		if (node == null || !node.isString() || node.stringValue().isBlank()) {
			return null;
		}
		return node.stringValue().strip();
	}

	// Some models wrap JSON in a Markdown fence even when asked not to.
	private static String stripFence(String answer) {
		String text = answer.strip();
		if (text.startsWith("```")) {
			text = text.replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
		}
		return text;
	}

}
