package io.aftercare.chat.intent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.chat.intent.Intent.AddReminderToDraft;
import io.aftercare.chat.intent.Intent.Discard;
import io.aftercare.chat.intent.Intent.Edit;
import io.aftercare.chat.intent.Intent.FollowUp;
import io.aftercare.chat.intent.Intent.FollowUps;
import io.aftercare.chat.intent.Intent.Help;
import io.aftercare.chat.intent.Intent.ListReminders;
import io.aftercare.chat.intent.Intent.OtherTicket;
import io.aftercare.chat.intent.Intent.RecentTickets;
import io.aftercare.chat.intent.Intent.Rewrite;
import io.aftercare.chat.intent.Intent.SameFor;
import io.aftercare.chat.intent.Intent.Send;
import io.aftercare.chat.intent.Intent.Unknown;
import io.aftercare.chat.intent.Intent.Waiting;
import io.aftercare.chat.intent.Words.Token;

/**
 * Reads what a CSM typed in the chat into an {@link Intent}, in their own words: the
 * verbs CSMs use (follow up, check in, reach out, touch base, write to, email, draft,
 * ping, re-engage, send a note, ...) in any order, with fillers ("hey, can you", "pls"),
 * abbreviations ("w/", "re:", "f/u", "tix"), possessives and small typos.
 * <p>
 * The customer is found by matching the CSM's {@link Book} inside the sentence (the
 * longest forgiving match, wherever it stands), or through a contact ("write to David at
 * TechFlow"); "them" and "their" point at the customer in view. Only when the book has no
 * match are the words where a name would stand ("follow up with Globex") kept, to say
 * what was not found.
 * <p>
 * A few choices worth knowing:
 * <ul>
 * <li>Sending, discarding and the buttons of the draft are recognised only as whole,
 * plain commands ("send it", "discard this draft"), never with a negation ("don't send it
 * yet" is {@link Unknown}), and a typo is never corrected into them: nothing is sent or
 * thrown away by accident.</li>
 * <li>Reminders go first: "remind me in 3 days to follow up with David" is a
 * reminder.</li>
 * <li>A typo in a request word ("folow up", "shwo", "remnders") is corrected only when
 * the text as typed means nothing, so a correct word is never "corrected".</li>
 * <li>The parser is deterministic and needs no network: the same text, book and time
 * always give the same answer.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class IntentParser {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern ONLY_QUESTION_MARKS = Pattern.compile("\\?+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!?,;:]+$");

	private static final List<Abbreviation> ABBREVIATIONS = List.of(new Abbreviation("\\bw/\\s*", "with "),
			new Abbreviation("\\bf/u\\b", "follow up"), new Abbreviation("\\bfollow[- ]?ups\\b", "followups"),
			new Abbreviation("\\bfollow-?up\\b", "follow up"), new Abbreviation("\\bcheck-?in\\b", "check in"),
			new Abbreviation("\\bre-?engage\\b", "reengage"), new Abbreviation("\\be-mail", "email"),
			new Abbreviation("\\bre:\\s*", "re "), new Abbreviation("\\bthank[- ]you\\b", "thanks"),
			new Abbreviation("\\bpost-ticket\\b", "post ticket"), new Abbreviation("\\bto-?do\\b", "todo"),
			new Abbreviation("\\b(?:tix|tkts)\\b", "tickets"), new Abbreviation("\\btkt\\b", "ticket"),
			new Abbreviation("\\bmsg\\b", "message"), new Abbreviation("\\b(?:pls|plz)\\b", "please"));

	// "fu" for "follow up" where the request starts, after any "please" or "hey": further
	// on it may be part of a name ("FU Berlin").
	private static final Pattern FU_START = Pattern.compile("^fu\\b", FLAGS);

	private static final Pattern POLITE_START = Pattern
		.compile("^(?:please|hey|hi|hello|ok|okay|so|now|and|also|can you|could you|would you|will you|can u|"
				+ "i'd like to|i would like to|i want to|i need to|i wanna|let's|lets|go ahead and|quick one|"
				+ "kindly)[ ,:]+(?=\\S)", FLAGS);

	private static final Pattern POLITE_END = Pattern.compile("[ ,]+(?:please|thanks|thank you|thx)$", FLAGS);

	private static final Pattern HELP = whole("help(?: me| please)?|i need help|what can you do(?: for me)?",
			"what can i (?:do|say|ask)(?: here| you)?|what do you do|how does (?:this|it|this chat) work",
			"how do i use (?:this|it|you)|commands|hi|hello|hey");

	// A thank-you or an acknowledgment on its own, which asks for nothing.
	private static final Pattern THANKS = whole(
			"(?:(?:ok|okay|great|perfect|awesome|nice|cool|brilliant|lovely)[ ,!]*)?(?:thanks|thank you|thx|ty|cheers)"
					+ "(?: (?:so much|a lot|a bunch|very much|again))?",
			"many thanks|much appreciated|appreciate it|great|perfect|awesome|nice|cool|brilliant|lovely|got it"
					+ "|(?:ok|okay)(?: cool| great)?|that's (?:great|perfect|all|it)|thats (?:great|perfect|all|it)"
					+ "|all done|done");

	private static final Pattern SEND = whole(
			"(?:(?:yes|yep|yeah|ok|okay|sure|great|perfect|good|looks good|looks great|lgtm|all good|approved?)"
					+ "(?: it)?(?:,| and| &)? )*(?:send|approve|ship)(?: (?:it|this|that|now|out|off|(?:the )?"
					+ "(?:email|draft|message|follow up|mail|note)))*");

	private static final Pattern EDIT = whole(
			"(?:let me |i'll |i will )?(?:edit|change|revise|modify|tweak|adjust|update)"
					+ "(?: (?:it|this|that|(?:the )?(?:draft|email|message|follow up|text|wording|subject|body)))?"
					+ "(?: (?:a bit|a little|first))?",
			"make (?:some |a few )?(?:changes|edits)(?: (?:to (?:it|the draft|the email)|first))?");

	private static final String TO_THE_DRAFT = "(?: (?:to|for|on) (?:it|this|that|the (?:draft|email|follow up|message)))?(?: (?:too|as well))?";

	private static final Pattern ADD_REMINDER_TO_DRAFT = whole(
			"(?:add|include|attach)(?: (?:a|the))?(?: follow up)? reminder" + TO_THE_DRAFT,
			"(?:set|schedule|create)(?: (?:a|the))? follow up reminder" + TO_THE_DRAFT);

	private static final String THE_DRAFT = "(?: (?:it|this|that|this one|that one|the draft|this draft|that draft|the email|this email|the follow up|this follow up))";

	private static final Pattern DISCARD = whole(
			"(?:discard|delete|scrap|trash|bin|ditch|drop|remove|kill|cancel)" + THE_DRAFT + "?(?: draft)?",
			"(?:throw|toss)" + THE_DRAFT + " (?:away|out)", "get rid of" + THE_DRAFT);

	private static final String QUALITY = "(?:shorter|longer|warmer|friendlier|kinder|softer|firmer|simpler|clearer|crisper|"
			+ "punchier|briefer|tighter|more (?:formal|casual|personal|concise|empathetic|apologetic|direct|friendly|"
			+ "professional|upbeat|specific|detailed)|less (?:formal|casual|apologetic|wordy|stiff)|formal|casual|"
			+ "concise|brief|in (?:english|german|french|spanish)|(?:a )?fresh(?: take)?|from the template)";

	private static final Pattern REWRITE = whole("(?:make (?:it|this|the (?:draft|email|message))|"
			+ "(?:rewrite|redo|rephrase|reword|write|send|do)(?: (?:it|this|the draft|the email))?(?: to be)?"
			+ "|can (?:it|you) be)?" + "\\s*(?:(?:a )?(?:bit|little|touch|lot) |slightly |much |way |even )?"
			+ "(?<how>" + QUALITY + "(?:(?:,| and| but|, and) (?:a bit |slightly )?" + QUALITY + ")*)");

	private static final Pattern TRANSLATE = whole(
			"(?:translate|put|switch|change)(?: (?:it|this|the draft|the email))? (?:in|into|to) "
					+ "(?<language>english|german|french|spanish)");

	private static final Pattern NEW_REMINDER = whole(
			"(?:remind me|nudge me|ping me|(?:set|create|add|make|schedule)(?: up)?(?: (?:a|me a|another))?(?: follow up)? reminder"
					+ "|new reminder|reminder)(?![\\p{L}])(?<rest>.*)");

	private static final Pattern LIST_REMINDERS = whole(
			"(?:what|which|any)(?: are)?(?: (?:my|the))?(?: (?:upcoming|open|pending|due))? reminders"
					+ "(?: (?:do i have|have i got|are (?:there|due|open|pending|coming up)|due))?"
					+ "(?: (?:for )?(?:today|tomorrow|this week|now|me))?",
			"(?:show|list|see|view|check|get|give)(?: me)?(?: all)?(?: (?:my|the))?(?: (?:upcoming|open|pending|due))?"
					+ " reminders(?: (?:for )?(?:today|tomorrow|this week|now))?",
			"(?:my |all |open |upcoming |pending )?reminders(?: (?:for )?(?:today|tomorrow|this week))?",
			"(?:do i have )?any reminders(?: (?:today|this week))?",
			"(?:what(?:'s|s| is)|anything|what's coming) due(?: (?:today|tomorrow|this week|now|soon))?",
			"what do i have (?:due|coming up)(?: (?:today|tomorrow|this week))?");

	private static final Pattern WAITING = whole(
			"(?:what(?:'s|s| is)|is anything|anything|what else is)(?: still)? (?:waiting|pending)(?: (?:for|on) me)?(?: today)?",
			"what do i (?:need|have) to do(?: today| now| next)?", "what should i do(?: today| next| now)?",
			"(?:show |list |see )?(?:me )?(?:my |all |the )?(?:open |pending )?drafts",
			"(?:do i have )?any (?:open |pending )?drafts", "what(?:'s|s| is) on my plate(?: today)?",
			"what needs my attention(?: today)?", "(?:my |show my )?todo(?: list)?",
			"(?:is there )?anything (?:i should|to) (?:look at|review|check|do)(?: today| now)?",
			"anything for me(?: today)?", "what(?:'s|s| is) (?:next|pending)",
			"(?:who|what) (?:did i|have i) (?:forget|forgotten|forgot|miss|missed)(?: to follow up(?: with| on)?)?",
			"(?:who|what) (?:haven't|have not|didn't|did not) i (?:followed|follow) up (?:with|on)(?: yet)?",
			"(?:who|what) (?:still )?needs? (?:a )?follow(?: |-)?ups?");

	private static final Pattern NEGATED = Pattern.compile("^(?:don'?t|do not|never|no need to|not yet|stop)\\b",
			FLAGS);

	private static final Pattern OTHER_TICKET = Pattern.compile(
			"^(?:(?:no|nope|nah)\\b[ ,.:\\-–]*)?(?:not (?:that|this|the) one|wrong (?:one|ticket)|(?:the )?other (?:one|ticket)|"
					+ "i meant|i mean|not that ticket)\\b|^(?:no|nope|nah)\\b[ ,.:\\-–]+(?=\\S)",
			FLAGS);

	private static final Pattern SAME_FOR_START = Pattern
		.compile("^(?:and(?: also)?(?: for)?|also(?: for)?|what about|how about|what of|same(?: thing)? for|same with|"
				+ "do the same for|ditto for|now(?: do| for)?|then(?: for)?|next(?: up)?[:,]?|on to|onto)\\s+(?<rest>.+)$",
				FLAGS);

	private static final Pattern SAME_FOR_END = Pattern.compile("^(?<rest>.+?)\\s+(?:too|as well)$", FLAGS);

	// "Let's do Vertex next"; "on to Pinnacle" and "next up: Harbor" are starts.
	private static final Pattern SAME_FOR_NEXT = Pattern.compile("^(?:let'?s )?(?:do |on to |onto )?(?<rest>.+?) next$",
			FLAGS);

	// "Did we already follow up with Harbor?", "have I followed up with Acme yet".
	private static final Pattern ASKS_ABOUT_FOLLOW_UPS = Pattern
		.compile("^(?:what |which )?(?:did|have|has|had)\\s+(?:i|we|you|anyone|somebody)\\s+(?:already\\s+|ever\\s+)?"
				+ "(?:follow(?:ed)? up|reach(?:ed)? out|check(?:ed)? in|sen[dt]|emailed|written|wrote|contacted|"
				+ "touched base|pinged)\\b", FLAGS);

	// "What did Orbit Media open lately", "which tickets did Acme raise last week".
	private static final Set<String> RAISING = Set.of("open", "opened", "raise", "raised", "file", "filed", "log",
			"logged", "submit", "submitted", "report", "reported", "have", "had");

	// "What happened with Acme recently", "anything resolved for TechFlow this week".
	private static final Set<String> HAPPENING = Set.of("happened", "happening", "going", "new", "resolved", "solved",
			"closed", "fixed", "changed");

	private static final Set<String> SHOWING = Set.of("show", "list", "see", "view", "find", "display", "pull", "give",
			"check", "get");

	private static final Pattern IN_VIEW = Pattern
		.compile("\\b(?:this|that|the|the same) (?:customer|client|account)\\b", FLAGS);

	// Requests of two words, either of which may be mistyped.
	private static final Set<String> PAIRS = Set.of("reach out", "follow up", "check in", "touch base", "circle back");

	private static final Set<String> DESCRIPTION_STARTS = Set.of("about", "re", "regarding", "concerning", "on",
			"after", "over");

	// Words up to this long allow one typo, longer ones two.
	private static final int SHORT_WORD = 7;

	private static final int SHORTEST_TYPO = 3;

	// Words where a customer's name would stand, kept to say what was not found.
	private static final int LONGEST_UNKNOWN_NAME = 4;

	private final CustomerMatcher customerMatcher = new CustomerMatcher();

	/**
	 * The intent of the given text.
	 * @param text what the CSM typed; may be {@code null}
	 * @param book the CSM's customers and contacts
	 * @param now the time the CSM typed it, for "last week" and "since Monday"
	 * @return the intent, {@link Unknown} when none was recognised
	 */
	public Intent parse(String text, Book book, Instant now) {
		return parse(text, book, now, ZoneOffset.UTC);
	}

	/**
	 * The intent of the given text, typed in the time zone {@code zone}: a reminder "on
	 * Tuesday" is the CSM's Tuesday.
	 */
	public Intent parse(String text, Book book, Instant now, ZoneId zone) {
		if (text == null || text.isBlank()) {
			return new Unknown("");
		}
		String typed = text.strip();
		if (ONLY_QUESTION_MARKS.matcher(typed).matches()) {
			return new Help();
		}
		String tidy = tidy(typed);
		ZonedDateTime here = now.atZone(zone);
		Intent intent = read(typed, tidy, book, here);
		if (intent instanceof Unknown) {
			// Only when the text as typed means nothing, so a correct word is never
			// "corrected" ("how does this work" is not "show ...").
			String corrected = corrected(tidy, book, here);
			if (!corrected.equals(tidy)) {
				Intent second = read(typed, corrected, book, here);
				if (!(second instanceof Unknown)) {
					return second;
				}
			}
		}
		return intent;
	}

	private Intent read(String typed, String tidy, Book book, ZonedDateTime now) {
		String request = FU_START.matcher(polite(tidy)).replaceFirst("follow up");
		if (request.isEmpty()) {
			return new Unknown(typed);
		}
		Intent command = command(request, now.toLocalDate());
		if (command != null) {
			return command;
		}
		if (NEGATED.matcher(request).find()) {
			return new Unknown(typed, Reading.of(request, book, now).found());
		}
		Intent followOn = followOn(tidy, request, book, now);
		if (followOn != null) {
			return followOn;
		}
		Reading reading = Reading.of(request, book, now);
		if (ASKS_ABOUT_FOLLOW_UPS.matcher(request).find()
				|| (reading.has("followups") && !reading.hasAny("draft", "write", "send", "compose", "prepare"))) {
			return new FollowUps(customer(reading, book));
		}
		if (asksForFollowUp(reading)) {
			Optional<TimePhrases.Found> time = reading.time();
			TimeWindow resolved = time.filter(TimePhrases.Found::aboutTicket)
				.map(TimePhrases.Found::window)
				.orElse(null);
			CustomerRef customer = customer(reading, book);
			List<String> words = reading.ticketWords(Vocabulary.FOLLOW_UP_WORDS);
			return new FollowUp(customer, new TicketRef(reading.number(), words, resolved), reading.has("again"));
		}
		if (asksForTickets(reading)) {
			return new RecentTickets(customer(reading, book),
					reading.time().map(TimePhrases.Found::window).orElse(null));
		}
		return new Unknown(typed, reading.found());
	}

	private static Intent command(String request, LocalDate today) {
		if (HELP.matcher(request).matches()) {
			return new Help();
		}
		if (THANKS.matcher(request).matches()) {
			return new Intent.Thanks();
		}
		if (SEND.matcher(request).matches()) {
			return new Send();
		}
		if (EDIT.matcher(request).matches()) {
			return new Edit();
		}
		if (ADD_REMINDER_TO_DRAFT.matcher(request).matches()) {
			return new AddReminderToDraft();
		}
		if (DISCARD.matcher(request).matches()) {
			return new Discard();
		}
		Matcher rewrite = REWRITE.matcher(request);
		if (rewrite.matches()) {
			return new Rewrite(rewrite.group("how").toLowerCase(Locale.ROOT));
		}
		Matcher translate = TRANSLATE.matcher(request);
		if (translate.matches()) {
			return new Rewrite("in " + translate.group("language").toLowerCase(Locale.ROOT));
		}
		Matcher reminder = NEW_REMINDER.matcher(request);
		if (reminder.matches()) {
			return ReminderReading.of(reminder.group("rest"), today);
		}
		if (LIST_REMINDERS.matcher(request).matches()) {
			return new ListReminders();
		}
		if (WAITING.matcher(request).matches()) {
			return new Waiting();
		}
		return null;
	}

	/**
	 * "And for Acme?", "what about Pinnacle?", "Acme too": the last request for another
	 * customer. "Not that one, the SSO ticket": another ticket.
	 */
	private Intent followOn(String tidy, String request, Book book, ZonedDateTime now) {
		Matcher other = OTHER_TICKET.matcher(request);
		if (other.find()) {
			Reading reading = Reading.of(request, book, now);
			if (reading.found().isNamed()) {
				return new SameFor(reading.found());
			}
			return new OtherTicket(new TicketRef(reading.number(), reading.ticketWords(Set.of()), null));
		}
		for (Pattern pattern : List.of(SAME_FOR_START, SAME_FOR_END, SAME_FOR_NEXT)) {
			Matcher same = pattern.matcher(tidy);
			if (same.matches()) {
				CustomerRef customer = onlyACustomer(same.group("rest"), book, now);
				if (customer != null) {
					return new SameFor(customer);
				}
			}
		}
		return null;
	}

	/** The customer the words name, when they name a customer and nothing else. */
	private CustomerRef onlyACustomer(String words, Book book, ZonedDateTime now) {
		Reading reading = Reading.of(words, book, now);
		List<Token> rest = reading.untaken();
		boolean onlyFillers = rest.stream().allMatch((t) -> Vocabulary.FILLER.contains(t.word()));
		if (reading.found().isNamed()) {
			return onlyFillers ? reading.found() : null;
		}
		boolean unknownWords = !rest.isEmpty() && rest.size() <= LONGEST_UNKNOWN_NAME
				&& rest.stream().noneMatch((t) -> Vocabulary.isKnown(t.word()));
		return unknownWords ? named(reading.said(rest), book) : null;
	}

	private static boolean asksForFollowUp(Reading reading) {
		return reading.hasAny("reengage", "reconnect", "ping", "write", "writing", "draft", "drafting", "compose",
				"prep", "prepare", "shoot", "contact", "email", "note", "message", "letter")
				|| reading.hasPair("follow", "up") || reading.hasPair("following", "up")
				|| reading.hasPair("followed", "up") || reading.hasPair("check", "in")
				|| reading.hasPair("checking", "in") || reading.has("reach") || reading.has("reaching")
				|| reading.hasPair("touch", "base") || reading.hasPair("in", "touch")
				|| reading.hasPair("circle", "back") || (reading.has("drop") && reading.has("line"))
				|| reading.hasPair("send", "something") || reading.hasPair("send", "one")
				|| (reading.has("let") && reading.has("know") && reading.found().isNamed());
	}

	private static boolean asksForTickets(Reading reading) {
		if (reading.hasAny("tickets", "issues", "cases", "history")) {
			return true;
		}
		if (reading.has("ticket") && reading.hasAny(SHOWING.toArray(String[]::new))) {
			return true;
		}
		// "Show me everything from TechFlow since May 1": what a customer brings is
		// tickets.
		if (reading.hasAny(SHOWING.toArray(String[]::new)) && reading.found().isNamed()) {
			return true;
		}
		return reading.hasAny("what", "which", "any", "anything") && reading.found().isNamed()
				&& (reading.hasAny(RAISING.toArray(String[]::new)) || reading.hasAny(HAPPENING.toArray(String[]::new)));
	}

	/**
	 * The customer meant: named in the book, else referred to as "them", else the words
	 * where a name would stand, matched forgivingly to say what was (not) found.
	 */
	private CustomerRef customer(Reading reading, Book book) {
		if (reading.found().isNamed()) {
			return reading.found();
		}
		if (reading.refersToCustomerInView()) {
			return CustomerRef.IN_VIEW;
		}
		List<Token> unknown = reading.whereANameWouldStand();
		return unknown.isEmpty() ? CustomerRef.NONE : named(reading.said(unknown), book);
	}

	private CustomerRef named(String said, Book book) {
		String name = CustomerPhrase.of(said);
		if (name == null) {
			return CustomerRef.NONE;
		}
		return CustomerRef.named(name, this.customerMatcher.match(name, book.customers()));
	}

	private static String tidy(String typed) {
		String text = typed.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"');
		text = SPACES.matcher(text).replaceAll(" ");
		for (Abbreviation abbreviation : ABBREVIATIONS) {
			text = abbreviation.pattern().matcher(text).replaceAll(abbreviation.replacement());
		}
		return TRAILING_PUNCTUATION.matcher(text.strip()).replaceAll("");
	}

	private static String polite(String tidy) {
		String request = tidy;
		String before;
		do {
			before = request;
			request = TRAILING_PUNCTUATION.matcher(request).replaceAll("");
			request = POLITE_START.matcher(request).replaceFirst("");
			request = POLITE_END.matcher(request).replaceFirst("");
		}
		while (!request.equals(before));
		return request;
	}

	/**
	 * The text with typos in request words corrected ("folow up", "shwo", "remnders").
	 */
	private static String corrected(String tidy, Book book, ZonedDateTime now) {
		// Taking out the time and the ticket number keeps every other word where it was.
		Reading reading = Reading.of(tidy, book, now);
		StringBuilder text = new StringBuilder(tidy);
		List<Token> tokens = reading.untaken();
		for (int i = tokens.size() - 1; i >= 0; i--) {
			Token token = tokens.get(i);
			String correction = correction(token.word());
			if (correction != null && !token.possessive()) {
				text.replace(token.start(), token.end(), correction);
			}
		}
		return text.toString();
	}

	private static String correction(String word) {
		if (word.length() < SHORTEST_TYPO || Vocabulary.isKnown(word) || !word.chars().allMatch(Character::isLetter)) {
			return null;
		}
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : Vocabulary.CORRECTABLE) {
			if (candidate.charAt(0) != word.charAt(0)) {
				continue;
			}
			int allowed = (candidate.length() <= SHORT_WORD) ? 1 : 2;
			if (Math.abs(candidate.length() - word.length()) > allowed) {
				continue;
			}
			int distance = EditDistance.between(word, candidate);
			if (distance <= allowed && distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	private static Pattern whole(String... alternatives) {
		return Pattern.compile("(?:" + String.join("|", alternatives) + ")", FLAGS);
	}

	private record Abbreviation(Pattern pattern, String replacement) {

		Abbreviation(String regex, String replacement) {
			this(Pattern.compile(regex, FLAGS), replacement);
		}

	}

	/**
	 * One sentence taken apart: the time and the ticket number it names, its words, and
	 * the customer (or contact) of the book found among them.
	 */
	private static final class Reading {

		private final String text;

		private final List<Token> tokens;

		private final boolean[] taken;

		private final Optional<TimePhrases.Found> time;

		private final String number;

		private final CustomerRef found;

		private Reading(String text, List<Token> tokens, boolean[] taken, Optional<TimePhrases.Found> time,
				String number, CustomerRef found) {
			this.text = text;
			this.tokens = tokens;
			this.taken = taken;
			this.time = time;
			this.number = number;
			this.found = found;
		}

		static Reading of(String request, Book book, ZonedDateTime now) {
			StringBuilder text = new StringBuilder(request);
			Optional<TimePhrases.Found> time = TimePhrases.find(request, now);
			time.ifPresent((t) -> blank(text, t.start(), t.end()));
			Optional<TicketNumbers.Found> number = TicketNumbers.find(text.toString());
			number.ifPresent((n) -> blank(text, n.start(), n.end()));
			List<Token> tokens = Words.of(text.toString());
			boolean[] taken = new boolean[tokens.size()];
			Book.Mention customer = book.customerIn(tokens, taken);
			Book.Mention contact = book.contactIn(tokens, taken, (customer != null) ? customer.matches() : List.of());
			CustomerRef found = CustomerRef.NONE;
			if (customer != null) {
				found = new CustomerRef(customer.said(), customer.matches(),
						(contact != null) ? contact.contact() : null, false);
			}
			else if (contact != null) {
				found = new CustomerRef(contact.said(), contact.matches(), contact.contact(), false);
			}
			return new Reading(text.toString(), tokens, taken, time,
					number.map(TicketNumbers.Found::number).orElse(null), found);
		}

		// The same length, so every other word keeps its place.
		private static void blank(StringBuilder text, int start, int end) {
			text.replace(start, end, "|" + " ".repeat(end - start - 1));
		}

		Optional<TimePhrases.Found> time() {
			return this.time;
		}

		String number() {
			return this.number;
		}

		CustomerRef found() {
			return this.found;
		}

		List<Token> untaken() {
			List<Token> untaken = new ArrayList<>();
			for (int i = 0; i < this.tokens.size(); i++) {
				if (!this.taken[i]) {
					untaken.add(this.tokens.get(i));
				}
			}
			return untaken;
		}

		boolean has(String word) {
			return untaken().stream().anyMatch((t) -> t.word().equals(word));
		}

		boolean hasAny(String... words) {
			Set<String> wanted = Set.of(words);
			return untaken().stream().anyMatch((t) -> wanted.contains(t.word()));
		}

		/** Whether the two words stand side by side ("follow up"). */
		boolean hasPair(String first, String second) {
			for (int i = 0; i + 1 < this.tokens.size(); i++) {
				if (!this.taken[i] && !this.taken[i + 1] && this.tokens.get(i).word().equals(first)
						&& this.tokens.get(i + 1).word().equals(second)) {
					return true;
				}
			}
			return false;
		}

		boolean refersToCustomerInView() {
			return untaken().stream().anyMatch((t) -> Vocabulary.PRONOUNS.contains(t.word()))
					|| IN_VIEW.matcher(this.text).find();
		}

		/**
		 * The words that describe the ticket: what is left once the request, the
		 * customer, the ticket number, the time and the fillers are taken out.
		 */
		List<String> ticketWords(Set<String> requestWords) {
			Set<String> words = new LinkedHashSet<>();
			for (int i = 0; i < this.tokens.size(); i++) {
				String word = this.tokens.get(i).word();
				boolean meaningful = word.length() > 1 || Character.isDigit(word.charAt(0));
				if (!this.taken[i] && meaningful && !Vocabulary.FILLER.contains(word)
						&& !Vocabulary.PRONOUNS.contains(word) && !Vocabulary.NEVER_DESCRIBING.contains(word)
						&& !requestWords.contains(word) && !Vocabulary.LEGAL_SUFFIXES.contains(word)
						&& !mistypedHalfOfAPair(i)) {
					words.add(word);
				}
			}
			return List.copyOf(words);
		}

		/** "reach otu", "folow up": a mistyped half of a request describes nothing. */
		private boolean mistypedHalfOfAPair(int i) {
			String correction = correction(this.tokens.get(i).word());
			if (correction == null) {
				return false;
			}
			String before = (i > 0) ? this.tokens.get(i - 1).word() : "";
			String after = (i + 1 < this.tokens.size()) ? this.tokens.get(i + 1).word() : "";
			return PAIRS.contains(before + " " + correction) || PAIRS.contains(correction + " " + after);
		}

		/**
		 * The first run of words the parser does not know, where a customer's name would
		 * stand: not after "about", "re" or "on" (those start the ticket's description),
		 * up to a possessive or a punctuation mark. The words are then taken.
		 */
		List<Token> whereANameWouldStand() {
			boolean describing = false;
			for (int i = 0; i < this.tokens.size(); i++) {
				Token token = this.tokens.get(i);
				if (this.taken[i]) {
					continue;
				}
				if (DESCRIPTION_STARTS.contains(token.word())) {
					describing = true;
					continue;
				}
				if (Vocabulary.isKnown(token.word()) || describing) {
					continue;
				}
				List<Token> run = new ArrayList<>();
				for (int j = i; j < this.tokens.size() && run.size() < LONGEST_UNKNOWN_NAME; j++) {
					Token next = this.tokens.get(j);
					if (this.taken[j] || Vocabulary.isKnown(next.word()) || (j > i && next.breakBefore())) {
						break;
					}
					run.add(next);
					this.taken[j] = true;
					if (next.possessive()) {
						break;
					}
				}
				return run;
			}
			return List.of();
		}

		String said(List<Token> run) {
			if (run.isEmpty()) {
				return "";
			}
			return this.text.substring(run.get(0).start(), run.get(run.size() - 1).end());
		}

	}

}
