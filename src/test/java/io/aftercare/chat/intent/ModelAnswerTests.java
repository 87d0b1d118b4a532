package io.aftercare.chat.intent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a language model's answer may make the chat do: only what the message says, about
 * the CSM's own book.
 */
class ModelAnswerTests {

	private static final Book BOOK = SamsBook.book();

	private static String followUp(String customer, String contact, String ticket) {
		return """
				{"intent":"follow_up","customer":%s,"customer_reference":"named","contact":%s,
				 "ticket_number":%s,"ticket_words":["sync","the"],"days":null,"note":null}""".formatted(json(customer),
				json(contact), json(ticket));
	}

	private static String json(String text) {
		return (text != null) ? "\"" + text + "\"" : "null";
	}

	@Test
	void acceptsWhatTheMessageNamesHoweverItIsWritten() {
		ModelAnswer.Checked checked = ModelAnswer.check(followUp("Tech-Flow's", null, "#TF-2024-0847"),
				"so, Tech-Flow's sync mess (#TF-2024-0847) — could we do something nice?", BOOK);

		assertThat(checked.refusal()).isNull();
		Intent.FollowUp intent = (Intent.FollowUp) checked.intent().orElseThrow();
		assertThat(intent.customer().matches()).extracting(CustomerMatch::name).containsExactly("TechFlow");
		assertThat(intent.ticket().number()).isEqualTo("TF-2024-0847");
		assertThat(intent.ticket().words()).containsExactly("sync");
	}

	@Test
	void findsTheCustomerOfAContactTheMessageNames() {
		ModelAnswer.Checked checked = ModelAnswer.check(followUp(null, "Jordan Miles", null),
				"something kind for Jordan Miles about the dashboards", BOOK);
		Intent.FollowUp intent = (Intent.FollowUp) checked.intent().orElseThrow();
		assertThat(intent.customer().matches()).extracting(CustomerMatch::name).containsExactly("Acme Corp");
		assertThat(intent.customer().contact()).isEqualTo("Jordan Miles");
	}

	@Test
	void refusesNamesAndNumbersTheMessageDoesNotHold() {
		String message = "the outage saga over at Globex deserves some love";
		assertThat(ModelAnswer.check(followUp("Acme Corp", null, null), message, BOOK).refusal())
			.isEqualTo("a customer the message does not name");
		assertThat(ModelAnswer.check(followUp(null, "Jordan Miles", null), message, BOOK).refusal())
			.isEqualTo("a contact the message does not name");
		assertThat(ModelAnswer.check(followUp(null, null, "GX-2024-0001"), message, BOOK).refusal())
			.isEqualTo("a ticket number the message does not name");
		assertThat(ModelAnswer.check(followUp("Globex", null, null), message, BOOK).refusal())
			.isEqualTo("a customer outside the CSM's book");
	}

	@Test
	void neverLetsTheModelSendOrDiscard() {
		for (String intent : new String[] { "send", "discard", "unknown" }) {
			ModelAnswer.Checked checked = ModelAnswer.check("{\"intent\":\"" + intent + "\",\"customer\":\"TechFlow\"}",
					"send TechFlow's draft", BOOK);
			assertThat(checked.intent()).as(intent).isEmpty();
		}
	}

	@Test
	void readsAnAnswerInAMarkdownFenceAndRefusesAnythingElse() {
		String help = "{\"intent\":\"help\"}";
		assertThat(ModelAnswer.check("```json\n" + help + "\n```", "??", BOOK).intent())
			.containsInstanceOf(Intent.Help.class);
		assertThat(ModelAnswer.check("Sure! " + help, "??", BOOK).refusal()).isEqualTo("not JSON");
		assertThat(ModelAnswer.check("[1,2]", "??", BOOK).refusal()).isEqualTo("not a JSON object");
		assertThat(ModelAnswer.check(" ", "??", BOOK).refusal()).isNotNull();
	}

}
