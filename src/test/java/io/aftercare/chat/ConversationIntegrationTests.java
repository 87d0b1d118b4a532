package io.aftercare.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.followup.FollowUpId;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.followup.FollowUpSender;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chat answers, against the demo workspace and the real database.
 */
@AftercareIntegrationTest
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:aftercare-conversation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ConversationIntegrationTests {

	@Autowired
	Conversation conversation;

	@Autowired
	CsmDirectory csms;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	FollowUpManagement followUps;

	@Autowired
	FollowUpSender sender;

	private Csm sam() {
		return this.csms.find("sam").orElseThrow();
	}

	private ChatEntry answer(Csm csm, String text) {
		List<ChatEntry> turn = this.conversation.say(csm, text);
		assertThat(turn.get(0).author()).isEqualTo(ChatEntry.Author.CSM);
		assertThat(turn.get(0).text()).isEqualTo(text);
		return turn.get(turn.size() - 1);
	}

	@Test
	void followsUpOnThePrdsTicketFromTheFirstLineOfThePrd() {
		ChatEntry reply = answer(sam(), "Follow up with TechFlow on their resolved API ticket");
		assertThat(reply.kind()).isEqualTo(ChatEntry.Kind.FOLLOWUP);
		assertThat(reply.text()).isEqualTo("I'll prepare a follow-up for TechFlow's resolved support ticket.");
		assertThat(ticketOf(reply.followUpId())).isEqualTo("TF-2024-0847");
	}

	@Test
	void findsTheCustomerForgivinglyAndTheTicketByNumber() {
		for (String text : List.of("Follow up with tech flow", "Folow up with Techflow Inc. on ticket #TF-2024-0847",
				"Re-engage TechFlow after support ticket", "Follow up with TechFlow on 0847",
				"follow up with techflow on ticket 847", "fu techflow 0847")) {
			ChatEntry reply = answer(sam(), text);
			assertThat(reply.kind()).as(text).isEqualTo(ChatEntry.Kind.FOLLOWUP);
			assertThat(ticketOf(reply.followUpId())).as(text).isEqualTo("TF-2024-0847");
		}
	}

	/**
	 * The chat's book holds the first 5,000 names; an admin at 100,000 customers types a
	 * name beyond them, and the chat finds it all the same.
	 */
	@Test
	void findsACustomerBeyondTheNamesTheBookHolds() {
		Csm admin = this.csms.find("admin").orElseThrow();
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = IntStream.rangeClosed(1, Books.BOOK_LIMIT)
			.mapToObj((i) -> new Object[] { "bulk-" + i, "Zzyzx Holdings %05d".formatted(i), now, now })
			.toList();
		this.jdbcTemplate.batchUpdate("""
				insert into customers (source_system, external_id, name, tier, created_at, updated_at)
				values ('test', ?, ?, 'SMB', ?, ?)""", rows);
		this.jdbcTemplate.update("""
				insert into customers (source_system, external_id, name, tier, created_at, updated_at)
				values ('test', 'quokka', 'Zzz Quokka Supplies', 'SMB', ?, ?)""", now, now);
		try {
			ChatEntry found = answer(admin, "Show recent tickets for Quokka Supplies");
			assertThat(found.kind()).isEqualTo(ChatEntry.Kind.TICKETS);
			assertThat(found.text()).isEqualTo("Recent tickets for Zzz Quokka Supplies:");

			assertThat(answer(sam(), "Show recent tickets for Quokka Supplies").text())
				.as("beyond the book is still only the CSM's own customers")
				.isEqualTo("I couldn't find a customer called \"Quokka Supplies\" in your book.");
		}
		finally {
			this.jdbcTemplate
				.update("delete from customers where source_system = 'test' and external_id like 'bulk-%'");
		}
	}

	@Test
	void aThankYouIsAnsweredAsOneNotAsSomethingItCouldNotUnderstand() {
		for (String text : List.of("thanks!", "great, thank you", "got it")) {
			ChatEntry reply = answer(sam(), text);
			assertThat(reply.kind()).as(text).isEqualTo(ChatEntry.Kind.TEXT);
			assertThat(reply.text()).as(text)
				.startsWith("Glad to help. Anything else?")
				.doesNotContain("didn't")
				.doesNotContain("not sure");
		}
	}

	@Test
	void asksWhichCustomerWhenTwoMatch() {
		ChatEntry reply = answer(sam(), "Follow up with Tech");
		assertThat(reply.kind()).isEqualTo(ChatEntry.Kind.TEXT);
		assertThat(reply.text()).contains("Which one?");
		assertThat(reply.choices()).extracting(ChatEntry.Choice::label).contains("TechFlow", "Techline Systems");
		assertThat(reply.choices()).extracting(ChatEntry.Choice::command).contains("Follow up with TechFlow");
	}

	@Test
	void asksWhichTicketWhenSeveralWereResolvedLately() {
		ChatEntry reply = answer(sam(), "Follow up with Acme");
		assertThat(reply.text()).contains("Acme Corp has 3 resolved tickets lately");
		assertThat(reply.choices()).hasSize(3)
			.allSatisfy((choice) -> assertThat(choice.command()).startsWith("Follow up with Acme Corp on ticket AC-"));
	}

	@Test
	void saysSoWhenTheTicketIsStillOpen() {
		String open = this.jdbc.sql("""
				select t.ticket_number from tickets t join customers c on c.id = t.customer_id
				where c.owner_username = 'sam' and t.status = 'OPEN' order by t.id limit 1
				""").query(String.class).single();
		ChatEntry reply = answer(sam(), "Follow up with " + customerOfTicket(open) + " on ticket " + open);
		assertThat(reply.kind()).isEqualTo(ChatEntry.Kind.TEXT);
		assertThat(reply.text()).contains("not resolved");
	}

	@Test
	void neverOffersAnotherCsmsCustomer() {
		Csm alex = this.csms.find("alex").orElseThrow();
		ChatEntry reply = answer(alex, "Follow up with TechFlow on ticket TF-2024-0847");
		assertThat(reply.kind()).isEqualTo(ChatEntry.Kind.TEXT);
		assertThat(reply.text()).contains("couldn't find a customer");
		assertThat(reply.followUpId()).isNull();
		assertThat(answer(alex, "Follow up").choices()).noneMatch((c) -> c.label().contains("TechFlow"));
	}

	@Test
	void remindsAboutTheFollowUpInView() {
		answer(sam(), "Follow up with TechFlow on ticket TF-2024-0847");
		ChatEntry reply = answer(sam(), "Remind me in 3 days to call David");
		assertThat(reply.kind()).isEqualTo(ChatEntry.Kind.REMINDERS);
		assertThat(reply.text()).isEqualTo("Reminder set for TechFlow: Call David in 3 days.");
		assertThat(this.jdbc.sql("select count(*) from reminders where note = 'Call David' and owner_username = 'sam'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void typingSendAsksForConfirmationAndSendsNothing() {
		answer(sam(), "Follow up with TechFlow on ticket TF-2024-0847");
		long sentBefore = sent();
		ChatEntry reply = answer(sam(), "Send");
		assertThat(reply.kind()).isEqualTo(ChatEntry.Kind.CONFIRM_SEND);
		assertThat(sent()).isEqualTo(sentBefore);
	}

	@Test
	void asksBeforeASecondFollowUpOnATicketThatAlreadyHadOne() {
		Csm sam = sam();
		ChatEntry first = answer(sam, "Follow up with Acme Corp on ticket AC-2024-0125");
		assertThat(first.kind()).isEqualTo(ChatEntry.Kind.FOLLOWUP);
		this.followUps.approve(sam, new FollowUpId(first.followUpId()), null);
		this.sender.send(sam, new FollowUpId(first.followUpId()));

		ChatEntry question = answer(sam, "Follow up with Acme Corp on ticket AC-2024-0125");
		assertThat(question.kind()).isEqualTo(ChatEntry.Kind.TEXT);
		assertThat(question.text()).contains("already went to").contains("Prepare another one?");
		assertThat(question.choices()).extracting(ChatEntry.Choice::command)
			.containsExactly("Follow up again with Acme Corp on ticket AC-2024-0125");

		ChatEntry again = answer(sam, question.choices().get(0).command());
		assertThat(again.kind()).isEqualTo(ChatEntry.Kind.FOLLOWUP);
		assertThat(again.followUpId()).isNotEqualTo(first.followUpId());
	}

	@Test
	void showsRecentTicketsRemindersAndHelp() {
		ChatEntry tickets = answer(sam(), "Show recent tickets for Acme");
		assertThat(tickets.kind()).isEqualTo(ChatEntry.Kind.TICKETS);
		assertThat(tickets.text()).isEqualTo("Recent tickets for Acme Corp:");
		assertThat(answer(sam(), "What reminders do I have?").kind()).isEqualTo(ChatEntry.Kind.REMINDERS);
		assertThat(answer(sam(), "help").kind()).isEqualTo(ChatEntry.Kind.HELP);
		assertThat(answer(sam(), "sing me a song").choices()).extracting(ChatEntry.Choice::command).contains("help");
	}

	@Test
	void keepsTheConversationForTheNextVisit() {
		answer(sam(), "What reminders do I have?");
		List<ChatEntry> history = this.conversation.history(sam(), 500);
		assertThat(history).extracting(ChatEntry::text).contains("What reminders do I have?");
		assertThat(history).allSatisfy((entry) -> assertThat(entry.username()).isEqualTo("sam"));
	}

	private long sent() {
		return this.jdbc.sql("select count(*) from support_followups where status = 'SENT'").query(Long.class).single();
	}

	private String ticketOf(Long followUpId) {
		return this.jdbc.sql("""
				select t.ticket_number from support_followups f join tickets t on t.id = f.ticket_id where f.id = :id
				""").param("id", followUpId).query(String.class).single();
	}

	private String customerOfTicket(String number) {
		return this.jdbc.sql("""
				select c.name from tickets t join customers c on c.id = t.customer_id where t.ticket_number = :n
				""").param("n", number).query(String.class).single();
	}

}
