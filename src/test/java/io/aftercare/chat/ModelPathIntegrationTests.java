package io.aftercare.chat;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chat's language model path against a local server speaking OpenAI's
 * chat-completions API: what the model answers is used only when it is the JSON asked for
 * and everything it names is in the CSM's book; otherwise, or when the model is slow, the
 * chat answers as its own parser would.
 */
@ChatModelTest
class ModelPathIntegrationTests {

	private static final String COMPLETIONS = "/v1/chat/completions";

	// Nothing the deterministic parser understands: only the model can read it.
	private static final String ODD = "the throttling saga over at TechFlow deserves some love";

	@Autowired
	Conversation conversation;

	@Autowired
	CsmDirectory csms;

	@Autowired
	JdbcClient jdbc;

	WireMockServer openAi = ModelServer.server();

	private static boolean warm;

	@BeforeEach
	void resetTheModel() {
		if (!warm) {
			// The first call through the OpenAI SDK loads and initialises it, which on
			// two busy cores takes longer than the one second these tests allow: make
			// that call once, so that each test sees the model answer (or not) as it sets
			// it up.
			this.openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson(ModelServer.completion("{}"))));
			for (int i = 0; i < 20 && this.openAi.getAllServeEvents().isEmpty(); i++) {
				answer("warm up: " + ODD);
			}
			warm = true;
		}
		this.openAi.resetAll();
	}

	private Csm sam() {
		return this.csms.find("sam").orElseThrow();
	}

	private void modelAnswers(String content) {
		this.openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson(ModelServer.completion(content))));
	}

	private ChatEntry answer(String text) {
		List<ChatEntry> turn = this.conversation.say(sam(), text);
		return turn.get(turn.size() - 1);
	}

	@Test
	void usesAStructuredAnswerAndSendsTheModelOnlyTheMessage() {
		modelAnswers("""
				{"intent":"follow_up","customer":"TechFlow","customer_reference":"named","contact":null,
				 "ticket_number":"TF-2024-0847","ticket_words":["throttling"],"days":null,"note":null}""");

		ChatEntry reply = answer("the throttling saga over at TechFlow (TF-2024-0847) deserves some love");

		assertThat(reply.kind()).isEqualTo(ChatEntry.Kind.FOLLOWUP);
		assertThat(ticketOf(reply.followUpId())).isEqualTo("TF-2024-0847");
		assertThat(customerOf(reply.followUpId())).isEqualTo("TechFlow");
		this.openAi.verify(1,
				postRequestedFor(urlEqualTo(COMPLETIONS))
					.withHeader("Authorization", equalTo("Bearer " + ModelServer.API_KEY))
					.withRequestBody(containing("throttling saga over at TechFlow"))
					.withRequestBody(containing("json_schema")));
		// Only the message: none of the book, its contacts, or the conversation so far.
		String sent = this.openAi.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(sent).doesNotContain("Acme Corp", "Techline Systems", "David Park", "@techflow.example");
	}

	@Test
	void neverAsksTheModelWhatTheParserUnderstands() {
		modelAnswers("""
				{"intent":"help","customer":null,"customer_reference":"none","contact":null,
				 "ticket_number":null,"ticket_words":[],"days":null,"note":null}""");
		ChatEntry reply = answer("Show recent tickets for Acme");
		assertThat(reply.kind()).isEqualTo(ChatEntry.Kind.TICKETS);
		this.openAi.verify(0, postRequestedFor(urlEqualTo(COMPLETIONS)));
	}

	@Test
	void refusesAnAnswerNamingAnotherCsmsCustomer() {
		long before = followUps();
		modelAnswers("""
				{"intent":"follow_up","customer":"Globex","customer_reference":"named","contact":null,
				 "ticket_number":null,"ticket_words":[],"days":null,"note":null}""");

		ChatEntry reply = answer("the outage saga over at Globex deserves some love");

		assertAskedInstead(reply);
		assertThat(followUps()).isEqualTo(before);
		this.openAi.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)));
	}

	@Test
	void refusesAnAnswerNamingAnotherCsmsContact() {
		long before = followUps();
		modelAnswers("""
				{"intent":"follow_up","customer":null,"customer_reference":"none","contact":"Susan Whitfield",
				 "ticket_number":null,"ticket_words":[],"days":null,"note":null}""");

		ChatEntry reply = answer("that outage saga, Susan Whitfield deserves some love");

		assertAskedInstead(reply);
		assertThat(followUps()).isEqualTo(before);
	}

	@Test
	void refusesAnAnswerNamingACustomerTheMessageDoesNotName() {
		long before = followUps();
		// The model makes up one of Sam's customers that Sam did not mention.
		modelAnswers("""
				{"intent":"follow_up","customer":"Acme Corp","customer_reference":"named","contact":null,
				 "ticket_number":null,"ticket_words":[],"days":null,"note":null}""");

		ChatEntry reply = answer("the outage saga over at Globex deserves some love");

		assertAskedInstead(reply);
		assertThat(followUps()).isEqualTo(before);
	}

	@Test
	void refusesAnAnswerNamingAnUnknownTicket() {
		long before = followUps();
		modelAnswers("""
				{"intent":"follow_up","customer":"TechFlow","customer_reference":"named","contact":null,
				 "ticket_number":"TF-2031-9999","ticket_words":[],"days":null,"note":null}""");

		ChatEntry reply = answer("the throttling saga over at TechFlow (TF-2031-9999) deserves some love");

		// The parser's reading stands: it saw TechFlow, and asks what to do for it.
		assertThat(reply.kind()).isEqualTo(ChatEntry.Kind.TEXT);
		assertThat(reply.text()).isEqualTo("What would you like to do for TechFlow?");
		assertThat(reply.choices()).extracting(ChatEntry.Choice::command).contains("Follow up with TechFlow");
		assertThat(followUps()).isEqualTo(before);
	}

	@Test
	void refusesAnotherCsmsTicketNamedWithSamsCustomer() {
		long before = followUps();
		modelAnswers("""
				{"intent":"follow_up","customer":"TechFlow","customer_reference":"named","contact":null,
				 "ticket_number":"IS-2024-0215","ticket_words":[],"days":null,"note":null}""");
		ChatEntry reply = answer("the sso saga over at TechFlow (IS-2024-0215) deserves some love");
		assertThat(reply.text()).isEqualTo("What would you like to do for TechFlow?");
		assertThat(followUps()).isEqualTo(before);
	}

	@Test
	void refusesATicketNumberTheMessageDoesNotName() {
		long before = followUps();
		// A real ticket of the customer, but the CSM did not say which ticket.
		modelAnswers("""
				{"intent":"follow_up","customer":"TechFlow","customer_reference":"named","contact":null,
				 "ticket_number":"TF-2024-0802","ticket_words":[],"days":null,"note":null}""");
		assertThat(answer(ODD).text()).isEqualTo("What would you like to do for TechFlow?");
		assertThat(followUps()).isEqualTo(before);
	}

	@Test
	void fallsBackOnAnAnswerThatIsNotJson() {
		modelAnswers("Sure! I think they want a follow-up for TechFlow {\"intent\": \"follow_up\"");
		ChatEntry reply = answer(ODD);
		assertThat(reply.text()).isEqualTo("What would you like to do for TechFlow?");
		this.openAi.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)));
	}

	@Test
	void fallsBackOnAnAnswerOfAnotherShape() {
		modelAnswers("{\"intent\":\"delete_everything\",\"customer\":\"TechFlow\"}");
		assertThat(answer(ODD).text()).isEqualTo("What would you like to do for TechFlow?");
	}

	@Test
	void fallsBackOnAServerAnswerThatIsNotTheApisJson() {
		this.openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"choi")));
		assertThat(answer(ODD).text()).isEqualTo("What would you like to do for TechFlow?");
	}

	@Test
	void asksTheModelOnceWhenItFails() {
		this.openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(503)));
		assertThat(answer(ODD).text()).isEqualTo("What would you like to do for TechFlow?");
		// A client that retried would ask again within a few seconds, for nobody.
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.openAi.getAllServeEvents().size() == 1);
	}

	@Test
	void fallsBackWithinTheConfiguredTimeWhenTheModelIsSlow() {
		this.openAi.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson(ModelServer.completion("""
				{"intent":"follow_up","customer":"TechFlow","customer_reference":"named","contact":null,
				 "ticket_number":"TF-2024-0847","ticket_words":[],"days":null,"note":null}""")).withFixedDelay(8_000)));
		long before = followUps();

		long started = System.nanoTime();
		ChatEntry reply = answer(ODD);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(reply.text()).isEqualTo("What would you like to do for TechFlow?");
		// aftercare.chat.model.timeout is one second; the rest is the turn itself.
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofMillis(2500));
		assertThat(followUps()).isEqualTo(before);
	}

	private static void assertAskedInstead(ChatEntry reply) {
		assertThat(reply.kind()).isEqualTo(ChatEntry.Kind.TEXT);
		assertThat(reply.followUpId()).isNull();
		assertThat(reply.text()).startsWith("I didn't catch that.");
		assertThat(reply.choices()).extracting(ChatEntry.Choice::command).contains("help");
	}

	private long followUps() {
		return this.jdbc.sql("select count(*) from support_followups").query(Long.class).single();
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

}
