package io.aftercare.followup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.chat.ChatSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduled sending: a follow-up can wait for 9:00 on the contact's next business day in
 * their time zone, through the API and the chat's confirm step; it waits in the send
 * queue, and an edit meanwhile takes it off the queue.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-scheduled;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.mail.outbox=target/scheduled-outbox", "db-scheduler.polling-interval=1s" })
class ScheduledSendIntegrationTests {

	private static final Path OUTBOX = Path.of("target/scheduled-outbox");

	private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@BeforeAll
	static void emptyOutbox() throws IOException {
		FileSystemUtils.deleteRecursively(OUTBOX);
	}

	@Test
	void aFollowUpCanWaitForTheContactsNextBusinessMorningAndAnEditTakesItOffTheQueue() throws IOException {
		FollowUpClient sam = new FollowUpClient(this.http, "sam");
		long id = sam.prepareOnTechFlow("MAJOR");
		sam.approve(id).expectStatus().isOk();
		Instant morning = nextMorningInLosAngeles();

		sam.get("/api/followups/" + id)
			.expectBody()
			.jsonPath("$.sendOptions.contactTimeZone")
			.isEqualTo("America/Los_Angeles")
			.jsonPath("$.sendOptions.contactMorning")
			.value(String.class, (at) -> assertThat(Instant.parse(at)).isEqualTo(morning));

		sam.post("/api/followups/" + id + "/send", Map.of("when", "CONTACT_MORNING"))
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("QUEUED")
			.jsonPath("$.delivery.status")
			.isEqualTo("QUEUED")
			.jsonPath("$.delivery.sendAt")
			.value(String.class, (at) -> assertThat(Instant.parse(at)).isEqualTo(morning));
		assertThat(entryDue(id)).as("its entry in the send queue").isEqualTo(morning);
		assertThat(emailsOf(id)).isEmpty();
		sam.send(id).expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("QUEUED");

		sam.patch("/api/followups/" + id, Map.of("subject", "Checking in", "body", "Hi David,\n\nAll good?\n\nSam"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DRAFT")
			.jsonPath("$.delivery.status")
			.isEqualTo("NOT_SENT");
		// Its entry comes due now: it finds the follow-up changed and sends nothing.
		this.jdbc.sql("update scheduled_tasks set execution_time = :now where task_name = 'send-followup'")
			.param("now", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
			.update();
		await().atMost(Duration.ofSeconds(15)).until(() -> entryDue(id) == null);
		assertThat(emailsOf(id)).isEmpty();
		assertThat(this.jdbc.sql("select status from support_followups where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("DRAFT");
	}

	@Test
	void theChatsConfirmStepOffersTheContactsMorningAndSchedulesIt() throws Exception {
		FollowUpClient sam = new FollowUpClient(this.http, "sam");
		long id = sam.prepareOnTechFlow("MODERATE");
		ChatSession chat = ChatSession.signIn(this.port, "sam", "demo");

		String confirm = chat.post("/chat/followups/" + id + "/confirm", Map.of()).body();
		assertThat(confirm).contains("Confirm and send")
			.contains("name=\"when\" value=\"CONTACT_MORNING\"")
			.contains("David&#39;s time");

		String answer = chat
			.post("/chat/followups/" + id + "/send", Map.of("contentVersion", "1", "when", "CONTACT_MORNING"))
			.body();

		assertThat(answer).contains("Scheduled: the follow-up to TechFlow goes to David Park at 09:00")
			.contains("their time (America/Los_Angeles)");
		assertThat(entryDue(id)).isEqualTo(nextMorningInLosAngeles());
		assertThat(chat.get("/chat/followups/" + id + "/card").body()).contains("Queued")
			.contains("Goes out")
			.contains("hx-trigger=\"every 3s\"");
		assertThat(chat.get("/chat/panel").body()).as("the side panel's emails")
			.contains("<h2>Emails</h2>")
			.contains("data-followup=\"" + id + "\"")
			.contains("Goes out");
	}

	private Instant entryDue(long id) {
		List<OffsetDateTime> due = this.jdbc.sql("""
				select t.execution_time from scheduled_tasks t join support_followups f on f.send_task = t.task_instance
				where t.task_name = 'send-followup' and f.id = :id
				""").param("id", id).query(OffsetDateTime.class).list();
		if (due.isEmpty()) {
			// An entry left over from a queueing the follow-up no longer knows of.
			return this.jdbc.sql("select count(*) from scheduled_tasks where task_name = 'send-followup'")
				.query(Long.class)
				.single() == 0 ? null : Instant.EPOCH;
		}
		return due.get(0).toInstant();
	}

	private static Instant nextMorningInLosAngeles() {
		return new BusinessHours(LocalTime.of(9, 0), LocalTime.of(17, 0)).nextMorning(Instant.now(), LOS_ANGELES);
	}

	private static List<Path> emailsOf(long id) throws IOException {
		if (!Files.isDirectory(OUTBOX)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(OUTBOX)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("_fu." + id + ".")).toList();
		}
	}

}
