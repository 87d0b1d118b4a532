package io.aftercare.chat.intent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.aftercare.chat.intent.Intent.AddReminderToDraft;
import io.aftercare.chat.intent.Intent.Discard;
import io.aftercare.chat.intent.Intent.Edit;
import io.aftercare.chat.intent.Intent.FollowUp;
import io.aftercare.chat.intent.Intent.FollowUps;
import io.aftercare.chat.intent.Intent.Help;
import io.aftercare.chat.intent.Intent.ListReminders;
import io.aftercare.chat.intent.Intent.NewReminder;
import io.aftercare.chat.intent.Intent.OtherTicket;
import io.aftercare.chat.intent.Intent.RecentTickets;
import io.aftercare.chat.intent.Intent.Rewrite;
import io.aftercare.chat.intent.Intent.SameFor;
import io.aftercare.chat.intent.Intent.Send;
import io.aftercare.chat.intent.Intent.Unknown;
import io.aftercare.chat.intent.Intent.Waiting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.aftercare.chat.intent.Intent.NewReminder.ASK_WHEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The parser against the corpus of phrasings CSMs type ({@code chat/phrasings.tsv}), read
 * against Sam's demo book on Thursday 2026-05-14 at 15:00 UTC. The deterministic parser
 * must understand at least 95 % of them; the ones it does not are listed here, so a fix
 * (or a new miss) shows.
 */
class IntentParserTests {

	static final Instant NOW = Instant.parse("2026-05-14T15:00:00Z");

	static final Path CORPUS = Path.of("src/test/resources/chat/phrasings.tsv");

	/** What the parser does not understand yet, as typed in the corpus. */
	static final Set<String> KNOWN_MISSES = Set.of(
			// An idiom, no verb of a request: the language model's part.
			"techflow needs some love after that rate limiting mess");

	private static final Book BOOK = SamsBook.book();

	private final IntentParser parser = new IntentParser();

	record Phrasing(String typed, String meaning) {
	}

	static List<Phrasing> corpus() {
		try {
			List<Phrasing> corpus = new ArrayList<>();
			for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split("\t");
				corpus.add(new Phrasing(columns[0], columns[1]));
			}
			return corpus;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Stream<Arguments> phrasings() {
		return corpus().stream().map((p) -> arguments(p.typed(), p.meaning()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("phrasings")
	void readsWhatTheCsmAskedFor(String typed, String meaning) {
		String read = describe(this.parser.parse(typed, BOOK, NOW));
		if (KNOWN_MISSES.contains(typed)) {
			assertThat(read).as("a known miss that is understood now: take it off the list").isNotEqualTo(meaning);
		}
		else {
			assertThat(read).isEqualTo(meaning);
		}
	}

	@Test
	void understandsAtLeast95PercentOfACorpusOfAtLeast150Phrasings() {
		List<Phrasing> corpus = corpus();
		long understood = corpus.stream()
			.filter((p) -> describe(this.parser.parse(p.typed(), BOOK, NOW)).equals(p.meaning()))
			.count();

		assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
		assertThat(corpus.stream().map(Phrasing::typed)).containsAll(KNOWN_MISSES);
		assertThat(understood * 100.0 / corpus.size()).isGreaterThanOrEqualTo(95.0);
	}

	@Test
	void readsNothingAsUnknown() {
		assertThat(this.parser.parse(null, BOOK, NOW)).isEqualTo(new Unknown(""));
		assertThat(this.parser.parse("  ", BOOK, NOW)).isEqualTo(new Unknown(""));
	}

	@Test
	void neverCorrectsATypoIntoSendingOrDiscarding() {
		for (String typed : List.of("snd it", "sned", "end it", "dicsard it", "discrad this draft")) {
			assertThat(this.parser.parse(typed, BOOK, NOW)).as(typed)
				.isNotInstanceOf(Send.class)
				.isNotInstanceOf(Discard.class);
		}
	}

	@Test
	void leavesCorrectWordsUncorrected() {
		// "how" is one edit from "show"; read as typed first, it stays a question.
		assertThat(this.parser.parse("how does it work", BOOK, NOW)).isEqualTo(new Help());
	}

	@Test
	void readsAReminderAboutAFollowUpAsAReminder() {
		assertThat(this.parser.parse("remind me tomorrow to follow up with TechFlow on ticket TF-2024-0847", BOOK, NOW))
			.isEqualTo(new NewReminder(1, "Follow up with TechFlow on ticket TF-2024-0847"));
	}

	@Test
	void readsAReminderOnAWeekdayAsTheCsmsOwnWeekday() {
		// Monday evening in Los Angeles is already Tuesday in UTC.
		Instant mondayEveningInLosAngeles = Instant.parse("2026-12-01T02:00:00Z");
		ZoneId losAngeles = ZoneId.of("America/Los_Angeles");

		assertThat(this.parser.parse("remind me on Tuesday to call Kevin", BOOK, mondayEveningInLosAngeles, losAngeles))
			.as("their Tuesday is tomorrow")
			.isEqualTo(new NewReminder(1, "Call Kevin"));
		assertThat(this.parser.parse("remind me on Tuesday to call Kevin", BOOK, mondayEveningInLosAngeles))
			.as("in UTC it is Tuesday already: a week on")
			.isEqualTo(new NewReminder(7, "Call Kevin"));
		assertThat(
				this.parser.parse("remind me next Tuesday to call Kevin", BOOK, mondayEveningInLosAngeles, losAngeles))
			.as("next week's Tuesday")
			.isEqualTo(new NewReminder(8, "Call Kevin"));
		assertThat(this.parser.parse("remind me to call Kevin by fri", BOOK, mondayEveningInLosAngeles, losAngeles))
			.isEqualTo(new NewReminder(4, "Call Kevin"));
		assertThat(this.parser.parse("remind me in 3 days to ask about Tuesday's outage", BOOK, NOW))
			.as("a time already given: the weekday stays in the note")
			.isEqualTo(new NewReminder(3, "Ask about Tuesday's outage"));
		assertThat(this.parser.parse("remind me to ask about Tuesday's outage", BOOK, NOW))
			.as("a day the note speaks of is no time for the reminder")
			.isEqualTo(new NewReminder(ASK_WHEN, "Ask about Tuesday's outage"));
	}

	@Test
	void readsYesterdayAndThisWeekInTheCsmsOwnDays() {
		Instant mondayEveningInLosAngeles = Instant.parse("2026-12-01T02:00:00Z");
		ZoneId losAngeles = ZoneId.of("America/Los_Angeles");

		assertThat(this.parser.parse("show TechFlow's tickets from yesterday", BOOK, mondayEveningInLosAngeles,
				losAngeles))
			.as("their Sunday, midnight to midnight in Los Angeles")
			.extracting((intent) -> ((RecentTickets) intent).window())
			.isEqualTo(new TimeWindow(Instant.parse("2026-11-29T08:00:00Z"), Instant.parse("2026-11-30T08:00:00Z")));
		assertThat(this.parser.parse("show TechFlow's tickets from this week", BOOK, mondayEveningInLosAngeles,
				losAngeles))
			.as("since their Monday began")
			.extracting((intent) -> ((RecentTickets) intent).window())
			.isEqualTo(new TimeWindow(Instant.parse("2026-11-30T08:00:00Z"), null));
		assertThat(this.parser.parse("show TechFlow's tickets from this week", BOOK, mondayEveningInLosAngeles))
			.as("in UTC it is Tuesday, in the same week")
			.extracting((intent) -> ((RecentTickets) intent).window())
			.isEqualTo(new TimeWindow(Instant.parse("2026-11-30T00:00:00Z"), null));
	}

	@Test
	void refusesAReminderInThePast() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NewReminder(-1, "Call David"));
	}

	@Test
	void findsTheCustomerWhereverItStandsNotInTheWordsAfterWith() {
		FollowUp followUp = (FollowUp) this.parser
			.parse("I want to reach out to TechFlow now that their sync issue is fixed", BOOK, NOW);

		assertThat(followUp.customer().said()).isEqualTo("TechFlow");
		assertThat(followUp.customer().matches()).extracting(CustomerMatch::name).containsExactly("TechFlow");
		assertThat(followUp.ticket().words()).containsExactly("sync");
	}

	@Test
	void findsNoCustomerOfAnotherBook() {
		Book alexs = Book.of(List.of(new CustomerName(50, "Globex"), new CustomerName(51, "Initech")), List.of());

		FollowUp followUp = (FollowUp) this.parser.parse("Follow up with TechFlow on ticket TF-2024-0847", alexs, NOW);

		assertThat(followUp.customer().said()).isEqualTo("TechFlow");
		assertThat(followUp.customer().matches()).isEmpty();
	}

	@Test
	void forgivesTwoTyposInTheWordsWhereANameStands() {
		FollowUp followUp = (FollowUp) this.parser.parse("follow up with Tecflo", BOOK, NOW);

		assertThat(followUp.customer().matches()).extracting(CustomerMatch::name).containsExactly("TechFlow");
	}

	@Test
	void keepsTheTicketWordsUnchangeable() {
		FollowUp followUp = (FollowUp) this.parser.parse("Follow up with TechFlow on their API ticket", BOOK, NOW);

		assertThat(followUp.ticket().words()).containsExactly("api").isUnmodifiable();
		assertThat(new TicketRef(null, null, null).words()).isEmpty();
	}

	@Test
	void readsAPastedParagraphWithoutTakingItForAName() {
		String paragraph = "We had a call with the ops team this morning and everything looks stable again. "
			.repeat(24);

		FollowUp followUp = (FollowUp) this.parser.parse(paragraph + " Can you follow up with TechFlow?", BOOK, NOW);

		assertThat(followUp.customer().matches()).extracting(CustomerMatch::name).containsExactly("TechFlow");
	}

	/** The intent in the corpus's notation. */
	static String describe(Intent intent) {
		if (intent instanceof FollowUp f) {
			return "follow-up " + customer(f.customer()) + ticket(f.ticket()) + (f.again() ? " again" : "");
		}
		if (intent instanceof RecentTickets r) {
			return "tickets " + customer(r.customer()) + ((r.window() != null) ? " window:" + window(r.window()) : "");
		}
		if (intent instanceof FollowUps f) {
			return "follow-ups " + customer(f.customer());
		}
		if (intent instanceof ListReminders) {
			return "reminders";
		}
		if (intent instanceof NewReminder n) {
			return "remind " + ((n.inDays() == ASK_WHEN) ? "ask" : n.inDays())
					+ ((n.note() != null) ? " " + n.note() : "");
		}
		if (intent instanceof Waiting) {
			return "waiting";
		}
		if (intent instanceof Send) {
			return "send";
		}
		if (intent instanceof Edit) {
			return "edit";
		}
		if (intent instanceof AddReminderToDraft) {
			return "add-reminder";
		}
		if (intent instanceof Discard) {
			return "discard";
		}
		if (intent instanceof Rewrite r) {
			return "rewrite " + r.how();
		}
		if (intent instanceof SameFor s) {
			return "same-for " + customer(s.customer());
		}
		if (intent instanceof OtherTicket o) {
			return "other-ticket" + ticket(o.ticket());
		}
		if (intent instanceof Intent.Thanks) {
			return "thanks";
		}
		if (intent instanceof Help) {
			return "help";
		}
		Unknown unknown = (Unknown) intent;
		return unknown.customer().isGiven() ? "unknown " + customer(unknown.customer()) : "unknown";
	}

	private static String customer(CustomerRef customer) {
		String who;
		if (customer.inView()) {
			who = "them";
		}
		else if (!customer.isNamed()) {
			who = "-";
		}
		else if (customer.matches().isEmpty()) {
			who = "?" + customer.said();
		}
		else {
			who = customer.matches().stream().map(CustomerMatch::name).sorted().collect(Collectors.joining("|"));
		}
		return who + ((customer.contact() != null) ? " contact:" + customer.contact() : "");
	}

	private static String ticket(TicketRef ticket) {
		return ((ticket.number() != null) ? " #" + ticket.number() : "")
				+ (ticket.words().isEmpty() ? "" : " words:" + String.join(",", ticket.words()))
				+ ((ticket.resolved() != null) ? " resolved:" + window(ticket.resolved()) : "");
	}

	private static String window(TimeWindow window) {
		return day(window.from()) + ".." + ((window.to() != null) ? day(window.to()) : "");
	}

	private static String day(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
	}

}
