package io.aftercare.chat.intent;

import java.util.List;
import java.util.stream.Stream;

import io.aftercare.chat.intent.Intent.AddReminderToDraft;
import io.aftercare.chat.intent.Intent.Edit;
import io.aftercare.chat.intent.Intent.FollowUp;
import io.aftercare.chat.intent.Intent.Help;
import io.aftercare.chat.intent.Intent.ListReminders;
import io.aftercare.chat.intent.Intent.NewReminder;
import io.aftercare.chat.intent.Intent.RecentTickets;
import io.aftercare.chat.intent.Intent.Send;
import io.aftercare.chat.intent.Intent.Unknown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.aftercare.chat.intent.Intent.NewReminder.ASK_WHEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class IntentParserTests {

	private final IntentParser parser = new IntentParser();

	static Stream<Arguments> phrasings() {
		return Stream.of(
				// Follow-ups, as in the PRD and as CSMs really type them
				arguments("Follow up with TechFlow on their resolved API ticket", followUp("TechFlow", null, "api")),
				arguments("Follow up with TechFlow on ticket TF-2024-0847", followUp("TechFlow", "TF-2024-0847")),
				arguments("Follow up with TechFlow on ticket #TF-2024-0847", followUp("TechFlow", "TF-2024-0847")),
				arguments("Follow up with TechFlow on #TF-2024-0847", followUp("TechFlow", "TF-2024-0847")),
				arguments("follow up with TechFlow TF-2024-0847", followUp("TechFlow", "TF-2024-0847")),
				arguments("Follow up again with TechFlow on ticket TF-2024-0847",
						new Intent.FollowUp("TechFlow", "TF-2024-0847", List.of(), true)),
				arguments("follow up with Acme again about the billing issue",
						new Intent.FollowUp("Acme", null, List.of("billing"), true)),
				arguments("Follow up with Acme on ticket 4211", followUp("Acme", "4211")),
				arguments("follow up with Acme on #4211", followUp("Acme", "4211")),
				arguments("Follow up with Acme about ticket no. 4211", followUp("Acme", "4211")),
				arguments("Re-engage TechFlow after support ticket", followUp("TechFlow", null)),
				arguments("Follow up with tech flow", followUp("tech flow", null)),
				arguments("Check in with Acme about the billing issue", followUp("Acme", null, "billing")),
				arguments("reach out to Globex re: the SSO outage", followUp("Globex", null, "sso", "outage")),
				arguments("send a post-ticket follow-up to Initech for the login bug",
						followUp("Initech", null, "login")),
				arguments("followup w/ techflow", followUp("techflow", null)),
				arguments("Folow up with Techflow", followUp("Techflow", null)),
				arguments("folow up with techflow", followUp("techflow", null)),
				arguments("follw up with TechFlow's API ticket", followUp("TechFlow", null, "api")),
				arguments("follow up", followUp(null, null)),
				arguments("Follow up on ticket TF-2024-0847", followUp(null, "TF-2024-0847")),
				arguments("Please follow up with the Acme Corp team about the invoice problem.",
						followUp("Acme Corp", null, "invoice")),
				arguments("  FOLLOW   UP   WITH   TechFlow!!  ", followUp("TechFlow", null)),
				arguments("Could you re-engage with Globex after the data export ticket?",
						followUp("Globex", null, "data", "export")),
				arguments("Follow-up with Initech, the login bug", followUp("Initech", null, "login")),
				arguments("draft a follow-up for Acme Corp. on the billing ticket",
						followUp("Acme Corp", null, "billing")),
				arguments("touch base with Globex about their SSO rollout", followUp("Globex", null, "sso", "rollout")),
				arguments("Follow up with TechFlow on their resolved API rate-limiting ticket",
						followUp("TechFlow", null, "api", "rate", "limiting")),
				arguments("follow up with TechFlow's recent tickets", followUp("TechFlow", null)),
				// Recent tickets
				arguments("Show recent tickets for Acme", new RecentTickets("Acme")),
				arguments("what tickets did Globex have lately?", new RecentTickets("Globex")),
				arguments("recent tickets acme corp", new RecentTickets("acme corp")),
				arguments("list Acme's tickets", new RecentTickets("Acme")),
				arguments("shwo recent tickets for acme", new RecentTickets("acme")),
				arguments("Can you show me the last 5 tickets from TechFlow Inc.?", new RecentTickets("TechFlow Inc")),
				arguments("Globex's latest tickets", new RecentTickets("Globex")),
				arguments("show recent tickets", new RecentTickets(null)),
				arguments("show acme tickets", new RecentTickets("acme")),
				arguments("show me my tickets", new RecentTickets(null)),
				// Reminders
				arguments("What reminders do I have?", new ListReminders()),
				arguments("show my reminders", new ListReminders()), arguments("reminders", new ListReminders()),
				arguments("what's due?", new ListReminders()), arguments("What’s due today?", new ListReminders()),
				arguments("remnders", new ListReminders()),
				arguments("Remind me in 3 days to call David", new NewReminder(3, "Call David")),
				arguments("remind me tomorrow to check API metrics", new NewReminder(1, "Check API metrics")),
				arguments("remind me in 2 weeks to review the renewal", new NewReminder(14, "Review the renewal")),
				arguments("remind me next week to check API metrics.", new NewReminder(7, "Check API metrics")),
				arguments("remind me in 3 days to follow up with David", new NewReminder(3, "Follow up with David")),
				arguments("remnd me in 3 days to call David", new NewReminder(3, "Call David")),
				arguments("remind me to call David in a week", new NewReminder(7, "Call David")),
				arguments("remind me to call David", new NewReminder(ASK_WHEN, "Call David")),
				arguments("remind me in two days", new NewReminder(2, null)),
				arguments("set a reminder for tomorrow: send the QBR deck", new NewReminder(1, "Send the QBR deck")),
				arguments("Remind me in 10 days to ask Sarah about the renewal",
						new NewReminder(10, "Ask Sarah about the renewal")),
				arguments("remind me in a couple of months about the renewal", new NewReminder(60, "The renewal")),
				// The draft's buttons and replies to it
				arguments("Send", new Send()), arguments("send it", new Send()), arguments("yes, send", new Send()),
				arguments("approve and send", new Send()), arguments("send the email", new Send()),
				arguments("Looks good, send it!", new Send()), arguments("edit", new Edit()),
				arguments("edit the draft", new Edit()), arguments("let me change it", new Edit()),
				arguments("add a follow-up reminder", new AddReminderToDraft()),
				arguments("add reminder", new AddReminderToDraft()),
				arguments("Add Follow-up Reminder", new AddReminderToDraft()),
				// Help
				arguments("help", new Help()), arguments("?", new Help()), arguments("what can you do", new Help()),
				arguments("how does this work?", new Help()),
				// Nothing the chat understands
				arguments("", new Unknown("")), arguments("   ", new Unknown("")),
				arguments("techflow", new Unknown("techflow")),
				arguments("don't send it yet", new Unknown("don't send it yet")),
				arguments("do not send it yet", new Unknown("do not send it yet")),
				arguments("send it to David instead", new Unknown("send it to David instead")),
				arguments(" what's the weather like? ", new Unknown("what's the weather like?")));
	}

	private static FollowUp followUp(String customer, String ticketNumber, String... ticketWords) {
		return new FollowUp(customer, ticketNumber, List.of(ticketWords));
	}

	@ParameterizedTest
	@MethodSource("phrasings")
	void readsWhatTheCsmAskedFor(String text, Intent expected) {
		assertThat(this.parser.parse(text)).isEqualTo(expected);
	}

	@Test
	void readsNothingAsUnknown() {
		assertThat(this.parser.parse(null)).isEqualTo(new Unknown(""));
	}

	@Test
	void neverCorrectsATypoIntoSending() {
		assertThat(this.parser.parse("snd it")).isInstanceOf(Unknown.class);
		assertThat(this.parser.parse("sned")).isInstanceOf(Unknown.class);
		assertThat(this.parser.parse("end it")).isInstanceOf(Unknown.class);
	}

	@Test
	void leavesCorrectWordsUncorrected() {
		// "how" is one edit from "show"; read as typed first, it stays a question.
		assertThat(this.parser.parse("how does it work")).isEqualTo(new Help());
	}

	@Test
	void readsAReminderAboutAFollowUpAsAReminder() {
		assertThat(this.parser.parse("remind me tomorrow to follow up with TechFlow on ticket TF-2024-0847"))
			.isEqualTo(new NewReminder(1, "Follow up with TechFlow on ticket TF-2024-0847"));
	}

	@Test
	void refusesAReminderInThePast() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NewReminder(-1, "Call David"));
	}

	@Test
	void keepsTheTicketWordsOfAFollowUpUnchangeable() {
		FollowUp followUp = (FollowUp) this.parser.parse("Follow up with TechFlow on their API ticket");

		assertThat(followUp.ticketWords()).containsExactly("api");
		assertThat(followUp.ticketWords()).isUnmodifiable();
		assertThat(new FollowUp("TechFlow", null, null).ticketWords()).isEmpty();
	}

}
