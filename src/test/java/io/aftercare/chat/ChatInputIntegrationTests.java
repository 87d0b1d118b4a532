package io.aftercare.chat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input typed or posted into the chat gets a readable answer in the conversation,
 * never an error page or a raw problem detail, and is validated exactly as the API
 * validates it.
 */
@AftercareIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:aftercare-chat-input;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ChatInputIntegrationTests {

	private static final Pattern FOLLOW_UP = Pattern.compile("data-followup=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private ChatClient chat;

	@BeforeEach
	void signIn() {
		this.chat = ChatClient.signIn(this.port, "sam", "demo");
	}

	/**
	 * Sent before htmx loaded, the form posts itself: the words are kept, answered, and
	 * the chat page shows both.
	 */
	@Test
	void keepsAMessageSentBeforeThePageScriptLoaded() {
		long before = messages();
		HttpResponse<String> answer = this.chat.submitWithoutScript("/chat/messages",
				Map.of("text", "Show recent tickets for TechFlow"));

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/chat");
		assertThat(messages()).as("the CSM's words and the answer").isEqualTo(before + 2);
		assertThat(this.chat.get("/chat").body()).contains("Show recent tickets for TechFlow")
			.contains("<table class=\"tickets\"");
	}

	@Test
	void answersAMessageWithANulCharacterReadablyAndStoresNothing() {
		long before = messages();
		HttpResponse<String> answer = this.chat.postEncoded("/chat/messages", "text=Follow+up+with+Tech%00Flow");
		assertReadable(answer);
		assertThat(answer.body()).contains("NUL");
		assertThat(answer.headers().firstValue("HX-Retarget")).hasValue("#log");
		assertThat(messages()).isEqualTo(before);
	}

	@Test
	void shortensALongMessageWithoutCuttingACharacterInHalf() {
		String text = "a".repeat(1999) + "\uD83D\uDE00" + "b".repeat(10);
		assertReadable(this.chat.say(text));
		assertThat(this.jdbc
			.sql("select text from chat_messages where username = 'sam' and author = 'CSM' "
					+ "order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("a".repeat(1999));
	}

	@Test
	void refusesASubjectOverFiveHundredCharactersInTheEditFormAsTheApiDoes() {
		long followUp = followUpOnTechFlow();
		HttpResponse<String> answer = this.chat.post("/chat/followups/" + followUp + "/edit",
				Map.of("subject", "s".repeat(501), "body", "Hi David"));
		assertReadable(answer);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("class=\"card followup-card editing\"")
			.contains("A subject is at most 500 characters (this one has 501)");
		assertThat(editedSubject(followUp)).isNull();
	}

	@Test
	void refusesAMillionCharacterBodyInTheEditFormAsTheApiDoes() {
		long followUp = followUpOnTechFlow();
		HttpResponse<String> answer = this.chat.post("/chat/followups/" + followUp + "/edit",
				Map.of("subject", "Checking in", "body", "b".repeat(1_000_000)));
		assertReadable(answer);
		assertThat(answer.body()).contains("A body is at most 20,000 characters (this one has 1,000,000)");
		assertThat(editedSubject(followUp)).isNull();
		HttpResponse<String> api = new RawHttp(this.port).json("PATCH", "/api/followups/" + followUp, "sam",
				"{\"subject\":\"Checking in\",\"body\":\"" + "b".repeat(1_000_000) + "\"}");
		RawHttp.assertProblem(api, 400);
		assertThat(api.body()).contains("A body is at most 20,000 characters (this one has 1,000,000)");
	}

	@Test
	void answersAReminderDateOutsideTheSupportedRangeReadably() {
		long followUp = followUpOnTechFlow();
		for (String date : new String[] { "%2B999999999-12-31", "10000-01-01", "1899-12-31", "2026-02-30", "soon" }) {
			HttpResponse<String> answer = this.chat.postEncoded("/chat/followups/" + followUp + "/reminders",
					"date=" + date + "&note=Call+David");
			assertReadable(answer);
			assertThat(answer.body()).as(date).contains("date");
		}
		assertThat(this.jdbc.sql("select count(*) from reminders where followup_id = :id and note = 'Call David'")
			.param("id", followUp)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void answersAFormItCannotDecodeReadablyWithoutLoggingAnError(CapturedOutput output) {
		long followUp = followUpOnTechFlow();
		for (String form : new String[] { "subject=%G0&body=Hi", "subject=Hi&body=%ED%A0%80", "text=%" }) {
			String path = form.startsWith("text") ? "/chat/messages" : "/chat/followups/" + followUp + "/edit";
			HttpResponse<String> answer = this.chat.postEncoded(path, form);
			assertReadable(answer);
			assertThat(answer.body()).as(form).contains("t read that");
		}
		assertThat(output).doesNotContain("threw exception");
	}

	@Test
	void answersAFollowUpThatIsNotThereReadably() {
		for (String path : new String[] { "/chat/followups/abc/card", "/chat/followups/99999999/edit",
				"/chat/followups/99999999999999999999/reminder" }) {
			assertReadable(this.chat.get(path));
		}
		assertReadable(this.chat.post("/chat/followups/99999999/send", Map.of("contentVersion", "1")));
		assertReadable(
				this.chat.post("/chat/followups/" + followUpOnTechFlow() + "/send", Map.of("contentVersion", "one")));
	}

	static void assertReadable(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isLessThan(500);
		assertThat(RawHttp.contentType(answer).isCompatibleWith(MediaType.TEXT_HTML))
			.as(answer.uri() + " " + RawHttp.contentType(answer))
			.isTrue();
		assertThat(answer.body()).doesNotContain("\"status\":")
			.doesNotContain("Whitelabel")
			.doesNotContain("Exception");
	}

	private long followUpOnTechFlow() {
		HttpResponse<String> answer = this.chat.say("Follow up with TechFlow on ticket TF-2024-0847");
		assertThat(answer.statusCode()).isEqualTo(200);
		Matcher id = FOLLOW_UP.matcher(answer.body());
		assertThat(id.find()).as(answer.body()).isTrue();
		return Long.parseLong(id.group(1));
	}

	private String editedSubject(long followUp) {
		return this.jdbc.sql("select edited_subject from support_followups where id = :id")
			.param("id", followUp)
			.query((rs, row) -> java.util.Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(null);
	}

	private long messages() {
		return this.jdbc.sql("select count(*) from chat_messages where username = 'sam'").query(Long.class).single();
	}

}
