package io.aftercare.chat.intent;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.chat.intent.Intent.AddReminderToDraft;
import io.aftercare.chat.intent.Intent.Edit;
import io.aftercare.chat.intent.Intent.Help;
import io.aftercare.chat.intent.Intent.ListReminders;
import io.aftercare.chat.intent.Intent.RecentTickets;
import io.aftercare.chat.intent.Intent.Send;
import io.aftercare.chat.intent.Intent.Unknown;

/**
 * Reads what a CSM typed in the chat into an {@link Intent}: case, extra spaces,
 * punctuation, politeness ("please", "can you") and a small typo in the leading word
 * ("folow up", "remnd me", "shwo") do not matter.
 * <p>
 * A few choices worth knowing:
 * <ul>
 * <li>The leading words decide: "remind me in 3 days to follow up with David" is a
 * reminder, "send a follow-up to Initech" a follow-up.</li>
 * <li>Sending, editing and the buttons of the draft are recognised only as whole, plain
 * commands ("send it", "approve and send"), so "do not send it yet" is {@link Unknown},
 * and a typo is never corrected into them: nothing is sent by accident.</li>
 * <li>A bare name ("techflow") is {@link Unknown}: without the book of business a name
 * cannot be told from any other word. The caller may try {@link CustomerMatcher} on it
 * and offer a follow-up.</li>
 * <li>A verb with no customer ("follow up") gives a follow-up with a {@code null}
 * customer, so the chat can ask who.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class IntentParser {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern ONLY_QUESTION_MARKS = Pattern.compile("\\?+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern WITH_SLASH = Pattern.compile("\\bw/\\s*", FLAGS);

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!?,;:]+$");

	private static final Pattern POLITE_START = Pattern.compile(
			"^(?:please|pls|plz|hey|hi|hello|ok|okay|so|now|and|also|can you|could you|would you|will you|can u|"
					+ "i'd like to|i would like to|i want to|i need to|i wanna|let's|lets|go ahead and)[ ,]+(?=\\S)",
			FLAGS);

	private static final Pattern POLITE_END = Pattern.compile("[ ,]+(?:please|pls|plz|thanks|thank you|thx)$", FLAGS);

	private static final Pattern LEADING_WORD = Pattern.compile("^\\p{L}+");

	// The leading words a typo is corrected into. Not "send" or "edit": those act.
	private static final List<String> CORRECTABLE_WORDS = List.of("follow", "followup", "remind", "show", "check",
			"reach", "list", "recent", "reminders");

	// Words up to this long allow one typo, longer ones two.
	private static final int SHORT_WORD = 6;

	private static final int SHORTEST_TYPO = 3;

	private static final Pattern HELP = pattern("help(?: me| please)?|i need help|what can you do(?: for me)?",
			"what can i (?:do|say|ask)(?: here| you)?|what do you do|how does (?:this|it|this chat) work",
			"how do i use (?:this|it|you)|commands|hi|hello|hey");

	private static final Pattern SEND = pattern(
			"(?:(?:yes|yep|yeah|ok|okay|sure|great|perfect|good|looks good|looks great|lgtm|all good|approved?)"
					+ "(?: it)?(?:,| and| &)? )*(?:send|approve)(?: (?:it|this|that|now|out|off|(?:the )?"
					+ "(?:email|e-mail|draft|message|follow[- ]?up|mail|note)))*");

	private static final Pattern EDIT = pattern(
			"(?:let me |i'll |i will )?(?:edit|change|revise|modify|tweak|rewrite|adjust|update)"
					+ "(?: (?:it|this|that|(?:the )?(?:draft|email|e-mail|message|follow[- ]?up|text|wording|subject|body)))?"
					+ "(?: (?:a bit|a little|first))?",
			"make (?:some |a few )?(?:changes|edits)(?: (?:to (?:it|the draft|the email)|first))?");

	private static final String TO_THE_DRAFT = "(?: (?:to|for|on) (?:it|this|that|the (?:draft|email|follow[- ]?up|message)))?(?: (?:too|as well))?";

	private static final Pattern ADD_REMINDER_TO_DRAFT = pattern(
			"(?:add|include|attach)(?: (?:a|the))?(?: follow[- ]?up)? reminder" + TO_THE_DRAFT,
			"(?:set|schedule|create)(?: (?:a|the))? follow[- ]?up reminder" + TO_THE_DRAFT);

	private static final Pattern NEW_REMINDER = pattern(
			"(?:remind me|(?:set|create|add|make|schedule)(?: up)?(?: (?:a|me a|another))?(?: follow[- ]?up)? reminder"
					+ "|new reminder|reminder)(?![\\p{L}])(?<rest>.*)");

	private static final Pattern LIST_REMINDERS = pattern(
			"(?:what|which|any)(?: (?:upcoming|open|pending|due))? reminders"
					+ "(?: (?:do i have|have i got|are (?:there|due|open|pending|coming up)|due))?"
					+ "(?: (?:today|tomorrow|this week|now|for me))?",
			"(?:show|list|see|view|check|get|give)(?: me)?(?: all)?(?: (?:my|the))?(?: (?:upcoming|open|pending|due))?"
					+ " reminders(?: (?:for )?(?:today|tomorrow|this week|now))?",
			"(?:my |all |open |upcoming |pending )?reminders(?: (?:for )?(?:today|tomorrow|this week))?",
			"(?:do i have )?any reminders(?: (?:today|this week))?",
			"(?:what(?:'s|s| is)|anything|what's coming) due(?: (?:today|tomorrow|this week|now|soon))?",
			"what do i have (?:due|coming up)(?: (?:today|tomorrow|this week))?");

	// Each names the customer in group "c"; a missing group means no customer was named.
	private static final List<Pattern> RECENT_TICKETS = List.of(
			pattern("(?:show|list|see|view|get|find|display|pull up|give|check)(?: me)?(?: all)?(?: (?:the|my))?"
					+ "(?: (?:recent|latest|last|past|newest|new))?(?: \\d+)? tickets"
					+ "(?:(?: (?:for|from|of|at|by|with))? (?<c>.+))?"),
			pattern("(?:show|list|see|view|get|find|display|pull up|give|check)(?: me)?(?: all(?: of)?)? (?<c>.+?)(?:'s|')?"
					+ "(?: (?:recent|latest|last|past))? tickets(?: (?:lately|recently))?"),
			pattern("(?:recent|latest|last) tickets(?:(?: (?:for|from|of|at|by))? (?<c>.+))?"),
			pattern("(?:what|which|any)(?: (?:recent|new|other))? tickets (?:did|does|has|have|had|from|for) (?<c>.+?)"
					+ "(?: (?:have|had|got|open|opened|raise|raised|file|filed|submit|submitted|log|logged))?"
					+ "(?: (?:recently|lately|this week|this month))?"),
			pattern("(?<c>.+?)(?:'s|') (?:recent|latest|last) tickets"), pattern("tickets (?:for|from|of) (?<c>.+)"));

	// "Follow up again with TechFlow", "follow up with TechFlow again on ticket 4211".
	private static final Pattern AGAIN = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])again(?![\\p{L}\\p{N}])");

	private static final Pattern LEADING_PREPOSITION = Pattern.compile("(?i)^(?:with|to|for|on)\\s+");

	private static final Pattern FOLLOW_UP = pattern("(?:follow[- ]?up|check[- ]?in|reach out|re-?engage|touch base"
			+ "|get (?:back )?in touch|circle back|reconnect|ping|(?:send|write|draft|prepare|create|start|do)"
			+ "(?: (?:a|an|the))?(?: post[- ]?ticket)? follow[- ]?up(?: (?:email|e-mail|message|note|mail))?)"
			+ "(?: (?:with|on|to|for)(?![\\p{L}]))?(?: (?<rest>.+))?");

	// Order matters. The commands about the draft are whole sentences and go first.
	// Reminders go before follow-ups: "remind me to follow up with David" is a reminder.
	// Follow-ups go before ticket lists: "follow up with TechFlow's recent tickets".
	private final List<Function<String, Intent>> readings = List.of(this::help, this::send, this::edit,
			this::addReminderToDraft, this::newReminder, this::listReminders, this::followUp, this::recentTickets);

	/**
	 * The intent of the given text.
	 * @param text what the CSM typed; may be {@code null}
	 * @return the intent, {@link Unknown} when none was recognised
	 */
	public Intent parse(String text) {
		if (text == null || text.isBlank()) {
			return new Unknown("");
		}
		String typed = text.strip();
		if (ONLY_QUESTION_MARKS.matcher(typed).matches()) {
			return new Help();
		}
		String request = tidy(typed);
		Intent intent = read(request);
		if (intent == null) {
			// Only when the text as typed means nothing, so a correct word is never
			// "corrected" ("how does this work" is not "show ...").
			String corrected = correctLeadingWord(request);
			intent = corrected.equals(request) ? null : read(corrected);
		}
		return (intent != null) ? intent : new Unknown(typed);
	}

	private Intent read(String request) {
		if (request.isEmpty()) {
			return null;
		}
		return this.readings.stream()
			.map((reading) -> reading.apply(request))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static String tidy(String typed) {
		String request = typed.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"');
		request = SPACES.matcher(request).replaceAll(" ");
		request = WITH_SLASH.matcher(request).replaceAll("with ");
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

	private static String correctLeadingWord(String request) {
		Matcher leading = LEADING_WORD.matcher(request);
		if (!leading.find() || leading.end() < SHORTEST_TYPO) {
			return request;
		}
		String word = leading.group().toLowerCase(Locale.ROOT);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : CORRECTABLE_WORDS) {
			int distance = EditDistance.between(word, candidate);
			int allowed = (candidate.length() <= SHORT_WORD) ? 1 : 2;
			if (distance <= allowed && distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return (best != null) ? best + request.substring(leading.end()) : request;
	}

	private Intent help(String request) {
		return HELP.matcher(request).matches() ? new Help() : null;
	}

	private Intent send(String request) {
		return SEND.matcher(request).matches() ? new Send() : null;
	}

	private Intent edit(String request) {
		return EDIT.matcher(request).matches() ? new Edit() : null;
	}

	private Intent addReminderToDraft(String request) {
		return ADD_REMINDER_TO_DRAFT.matcher(request).matches() ? new AddReminderToDraft() : null;
	}

	private Intent newReminder(String request) {
		Matcher matcher = NEW_REMINDER.matcher(request);
		return matcher.matches() ? ReminderReading.of(matcher.group("rest")) : null;
	}

	private Intent listReminders(String request) {
		return LIST_REMINDERS.matcher(request).matches() ? new ListReminders() : null;
	}

	private Intent recentTickets(String request) {
		for (Pattern pattern : RECENT_TICKETS) {
			Matcher matcher = pattern.matcher(request);
			if (matcher.matches()) {
				return new RecentTickets(CustomerPhrase.of(matcher.group("c")));
			}
		}
		return null;
	}

	private Intent followUp(String request) {
		Matcher matcher = FOLLOW_UP.matcher(request);
		if (!matcher.matches()) {
			return null;
		}
		String rest = matcher.group("rest");
		if (rest == null || !AGAIN.matcher(rest).find()) {
			return FollowUpReading.of(rest);
		}
		String withoutAgain = AGAIN.matcher(rest).replaceAll(" ").strip().replaceAll("\\s+", " ");
		Intent.FollowUp once = FollowUpReading.of(LEADING_PREPOSITION.matcher(withoutAgain).replaceFirst(""));
		return new Intent.FollowUp(once.customer(), once.ticketNumber(), once.ticketWords(), true);
	}

	private static Pattern pattern(String... alternatives) {
		return Pattern.compile("(?:" + String.join("|", alternatives) + ")", FLAGS);
	}

}
