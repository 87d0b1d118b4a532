package io.aftercare.chat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.customer.CustomerRecord;
import io.aftercare.customer.CustomerRegistry;
import io.aftercare.customer.CustomerTier;
import io.aftercare.shared.SourceKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pronouns and follow-on turns through the real chat: signed in on the form, posting each
 * message with the session cookie and the CSRF token as the page's htmx does, and reading
 * what the answer says and what it did in the database. The chat's own parser understands
 * every turn here: the language model configured for this context is never asked.
 */
@ChatModelTest
class FollowOnTurnsIntegrationTests {

	private static final Pattern MESSAGE = Pattern
		.compile("<div class=\"message (?:mine|system)\"[^>]*data-kind=\"(\\w+)\"");

	private static final Pattern TEXT = Pattern.compile("<p class=\"text\">(.*?)</p>", Pattern.DOTALL);

	private static final Pattern FOLLOW_UP = Pattern.compile("data-followup=\"(\\d+)\"");

	private static final Pattern CHOICE = Pattern.compile("data-command=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerRegistry customers;

	private ChatClient chat;

	@BeforeEach
	void signIn() {
		ModelServer.server().resetAll();
		this.chat = ChatClient.signIn(this.port, "sam", "demo");
	}

	@AfterEach
	void theModelWasNeverAsked() {
		ModelServer.server().verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void followsUpWithThemAfterTalkingAboutTechFlow() {
		Answer tickets = say("Show recent tickets for TechFlow");
		assertThat(tickets.kind()).isEqualTo("TICKETS");
		assertThat(tickets.text()).isEqualTo("Recent tickets for TechFlow:");

		Answer draft = say("follow up with them");

		assertThat(draft.kind()).isEqualTo("FOLLOWUP");
		assertThat(draft.text()).containsAnyOf("I'll prepare a follow-up for TechFlow's resolved support ticket.",
				"Here is the follow-up already drafted for TechFlow's ticket TF-2024-0847.");
		assertThat(ticketOf(draft.followUp())).isEqualTo("TF-2024-0847");
		assertThat(customerOf(draft.followUp())).isEqualTo("TechFlow");
		assertThat(statusOf(draft.followUp())).isEqualTo("DRAFT");
	}

	@Test
	void andForAcmeDoesTheSameForAcme() {
		say("Show recent tickets for TechFlow");
		Answer acmeTickets = say("and for Acme?");
		assertThat(acmeTickets.kind()).isEqualTo("TICKETS");
		assertThat(acmeTickets.text()).isEqualTo("Recent tickets for Acme Corp:");

		Answer techFlow = say("Follow up with TechFlow on ticket TF-2024-0847");
		assertThat(techFlow.kind()).isEqualTo("FOLLOWUP");
		Answer acme = say("and for Acme?");
		// A follow-up again, now for Acme Corp, which has three resolved tickets: it
		// asks.
		assertThat(acme.text()).isEqualTo("Acme Corp has 3 resolved tickets lately. Which one should I follow up on?");
		assertThat(acme.choices()).containsExactlyInAnyOrder("Follow up with Acme Corp on ticket AC-2024-0112",
				"Follow up with Acme Corp on ticket AC-2024-0118", "Follow up with Acme Corp on ticket AC-2024-0125");
		assertThat(acme.followUp()).isNull();
	}

	@Test
	void notThatOneTheSsoTicketThenDiscardThisDraft() {
		Answer first = say("Follow up with Acme Corp on ticket AC-2024-0125");
		assertThat(first.kind()).isEqualTo("FOLLOWUP");
		assertThat(ticketOf(first.followUp())).isEqualTo("AC-2024-0125");

		Answer sso = say("not that one, the SSO ticket");

		assertThat(sso.kind()).isEqualTo("FOLLOWUP");
		assertThat(sso.followUp()).isNotEqualTo(first.followUp());
		assertThat(ticketOf(sso.followUp())).isEqualTo("AC-2024-0112");
		assertThat(subjectOfTicket("AC-2024-0112")).contains("SSO");
		assertThat(statusOf(sso.followUp())).isEqualTo("DRAFT");

		Answer discarded = say("discard this draft");

		assertThat(discarded.text()).isEqualTo("Discarded the draft for Acme Corp's ticket AC-2024-0112.");
		assertThat(discarded.choices()).containsExactly("Follow up with Acme Corp on ticket AC-2024-0112");
		assertThat(statusOf(sso.followUp())).isEqualTo("DISCARDED");
		// Only the draft in view: the first one stays.
		assertThat(statusOf(first.followUp())).isEqualTo("DRAFT");

		Answer again = say("discard this draft");
		assertThat(again.text()).contains("no draft to discard");
	}

	@Test
	void whatsWaitingListsTheNewDraftAndTheReminderDueTomorrow() {
		Answer draft = say("Follow up with Acme Corp on ticket AC-2024-0118");
		assertThat(ticketOf(draft.followUp())).isEqualTo("AC-2024-0118");
		Answer reminder = say("remind me tomorrow to call Jordan");
		assertThat(reminder.kind()).isEqualTo("REMINDERS");
		assertThat(reminder.text()).isEqualTo("Reminder set for Acme Corp: Call Jordan in 1 day.");

		Answer waiting = say("what's waiting for me?");

		assertThat(waiting.text()).startsWith("Waiting for you:")
			.contains("• Draft for Acme Corp · AC-2024-0118")
			.contains("• Reminder due tomorrow: Call Jordan (Acme Corp)");
		assertThat(waiting.choices()).contains("Follow up with Acme Corp on ticket AC-2024-0118",
				"What reminders do I have?");
	}

	@Test
	void aReminderDueThisMorningIsDueLaterTodayNotTomorrow() {
		long followUp = say("Follow up with Acme Corp on ticket AC-2024-0118").followUp();
		// A zone where it is four in the morning now: the reminder form's nine o'clock
		// today is five hours away, and still today.
		int offset = Math.floorMod(4 - Instant.now().atZone(ZoneOffset.UTC).getHour() + 12, 24) - 12;
		String zone = "GMT%+03d:00".formatted(offset);
		String note = "Call Jordan before standup " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		LocalDate today = LocalDate.now(ZoneId.of(zone));
		this.chat.inZone(zone)
			.post("/chat/followups/" + followUp + "/reminders", Map.of("date", today.toString(), "note", note));

		Answer waiting = say("what's waiting for me?", zone);

		assertThat(waiting.text()).contains("• Reminder due later today: " + note + " (Acme Corp)");
	}

	@Test
	void aReminderOnAWeekdayFallsOnTheCsmsOwnWeekday() {
		say("Follow up with Acme Corp on ticket AC-2024-0118");
		// A day apart, or two: their todays are never the same date.
		ZoneId ahead = ZoneId.of("Pacific/Kiritimati");
		ZoneId behind = ZoneId.of("Pacific/Pago_Pago");
		DayOfWeek dayAfterTomorrowAhead = LocalDate.now(ahead).plusDays(2).getDayOfWeek();
		String weekday = dayAfterTomorrowAhead.getDisplayName(TextStyle.FULL, Locale.ENGLISH);

		for (ZoneId zone : List.of(ahead, behind)) {
			LocalDate today = LocalDate.now(zone);
			long days = ChronoUnit.DAYS.between(today, today.with(TemporalAdjusters.next(dayAfterTomorrowAhead)));
			Answer reminder = say("remind me on " + weekday + " to call Jordan", zone.getId());
			assertThat(reminder.text()).as(zone.getId())
				.isEqualTo("Reminder set for Acme Corp: Call Jordan in " + days + " days.");
		}
		assertThat(say("remind me on " + weekday + " to call Jordan", "Mars/Olympus_Mons").kind())
			.as("a zone this server does not know: UTC's day")
			.isEqualTo("REMINDERS");
	}

	@Test
	void theChatShowsAndSetsDatesWhereTheCsmIs() {
		long followUp = say("Follow up with Acme Corp on ticket AC-2024-0118").followUp();
		ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
		LocalDate day = LocalDate.now(kiritimati).plusDays(40);
		String note = "Ask Jordan about the export " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		DateTimeFormatter shown = DateTimeFormatter.ofPattern("EEE, MMM d", Locale.ENGLISH);
		try {
			HttpResponse<String> card = this.chat.inZone(kiritimati.getId())
				.post("/chat/followups/" + followUp + "/reminders", Map.of("date", day.toString(), "note", note));

			assertThat(card.statusCode()).isEqualTo(200);
			assertThat(this.jdbc.sql("select due_at from reminders where note = ?")
				.param(note)
				.query(OffsetDateTime.class)
				.single()
				.toInstant()).as("nine in the morning of that day, in Kiritimati")
				.isEqualTo(day.atTime(9, 0).atZone(kiritimati).toInstant());
			assertThat(card.body()).contains(note + " · " + shown.format(day));
			assertThat(this.chat.get("/chat").body()).contains("data-zone=\"Pacific/Kiritimati\"");
			this.chat.inZone("UTC").get("/chat");
			assertThat(this.jdbc.sql("select time_zone from csm_users where username = 'sam'")
				.query(String.class)
				.single()).as("kept for what is written in the background; UTC, what a silent browser gets, is not")
				.isEqualTo("Pacific/Kiritimati");
		}
		finally {
			this.chat.inZone("UTC");
			this.jdbc.sql("update csm_users set time_zone = null where username = 'sam'").update();
		}
		assertThat(this.chat.get("/chat/followups/" + followUp + "/card").body())
			.as("the same reminder seen from UTC, where it is still the evening before")
			.contains(note + " · " + shown.format(day.minusDays(1)));
		assertThat(this.chat.inZone("Mars/Olympus_Mons").get("/chat").body())
			.as("a zone this server does not know: UTC")
			.contains("data-zone=\"UTC\"");
		HttpResponse<String> beyondEighteenHours = this.chat.inZone("GMT+18:01").get("/chat");
		assertThat(beyondEighteenHours.statusCode()).as("an offset java.util.TimeZone takes and ZoneId does not")
			.isEqualTo(200);
		assertThat(beyondEighteenHours.body()).contains("data-zone=\"UTC\"");
		this.chat.inZone("UTC");
	}

	@Test
	void showsTechFlowsFollowUpsWithTheirState() {
		Answer draft = say("Follow up with TechFlow on ticket TF-2024-0847");
		assertThat(draft.kind()).isEqualTo("FOLLOWUP");

		Answer list = say("show TechFlow's follow-ups");

		assertThat(list.text()).startsWith("TechFlow's follow-ups:").contains("• TF-2024-0847 · draft");
		assertThat(list.choices()).contains("Follow up with TechFlow on ticket TF-2024-0847");

		// The same list, for Acme Corp (which has follow-ups or not, by the tests run
		// before).
		Answer theirs = say("and for Acme?");
		assertThat(theirs.text()).matches("(?s)(Acme Corp's follow-ups:\\n• AC-.*|No follow-ups for Acme Corp yet\\.)");
	}

	@Test
	void findsACustomerAddedAfterTheBookWasRead() {
		assertThat(say("Show recent tickets for TechFlow").kind()).isEqualTo("TICKETS");
		String name = "Quillfeather " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		this.customers.upsert(new CustomerRecord(new SourceKey("test", name), name, CustomerTier.SMB,
				new BigDecimal("12000"), 40, null, "sam", false));

		Answer answer = say("show " + name + "'s follow-ups");

		assertThat(answer.text()).isEqualTo("No follow-ups for " + name + " yet.");
	}

	/** The answer the chat gave, as the page receives it. */
	private Answer say(String text) {
		return answer(text, this.chat.say(text));
	}

	/** The answer to a CSM whose browser is in the time zone {@code zone}. */
	private Answer say(String text, String zone) {
		try {
			return answer(text, this.chat.inZone(zone).say(text));
		}
		finally {
			this.chat.inZone("UTC");
		}
	}

	private Answer answer(String text, HttpResponse<String> response) {
		assertThat(response.statusCode()).as(text).isEqualTo(200);
		String body = response.body();
		// The CSM's words first, then the answer.
		List<Integer> starts = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		Matcher message = MESSAGE.matcher(body);
		while (message.find()) {
			starts.add(message.start());
			kinds.add(message.group(1));
		}
		assertThat(starts).as(text).hasSizeGreaterThanOrEqualTo(2);
		String answer = body.substring(starts.get(starts.size() - 1));
		Matcher said = TEXT.matcher(answer);
		String answerText = said.find() ? HtmlUtils.htmlUnescape(said.group(1)) : null;
		Matcher followUp = FOLLOW_UP.matcher(answer);
		Long id = followUp.find() ? Long.valueOf(followUp.group(1)) : null;
		List<String> choices = new ArrayList<>();
		Matcher choice = CHOICE.matcher(answer);
		while (choice.find()) {
			choices.add(HtmlUtils.htmlUnescape(choice.group(1)));
		}
		return new Answer(kinds.get(kinds.size() - 1), answerText, id, choices);
	}

	private record Answer(String kind, String text, Long followUp, List<String> choices) {
	}

	private String ticketOf(Long followUpId) {
		return this.jdbc.sql("""
				select t.ticket_number from support_followups f join tickets t on t.id = f.ticket_id where f.id = :id
				""").param("id", followUpId).query(String.class).single();
	}

	private String customerOf(Long followUpId) {
		return this.jdbc.sql("""
				select c.name from support_followups f join customers c on c.id = f.customer_id where f.id = :id
				""").param("id", followUpId).query(String.class).single();
	}

	private String statusOf(Long followUpId) {
		return this.jdbc.sql("select status from support_followups where id = :id")
			.param("id", followUpId)
			.query(String.class)
			.single();
	}

	private String subjectOfTicket(String number) {
		return this.jdbc.sql("select subject from tickets where ticket_number = :n")
			.param("n", number)
			.query(String.class)
			.single();
	}

}
