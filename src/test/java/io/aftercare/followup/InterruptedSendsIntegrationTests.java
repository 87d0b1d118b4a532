package io.aftercare.followup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.mail.MailTransport;
import io.aftercare.mail.MessageIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A send cut off between the start of its attempt and its outcome (the instance died
 * while its entry in the send queue was running) is settled by the queue itself, once the
 * dead instance's heartbeat is missed: from what the transport can see, never by sending
 * blindly. An email already out is recorded, one not out is sent once, one the transport
 * cannot see waits for the CSM; a send whose record was lost altogether finds its email
 * already delivered under the same Message-ID.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-interrupted;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.mail.outbox=target/interrupted-outbox", "db-scheduler.polling-interval=1s",
		"db-scheduler.heartbeat-interval=1s", "db-scheduler.missed-heartbeats-limit=4" })
class InterruptedSendsIntegrationTests {

	private static final Path OUTBOX = Path.of("target/interrupted-outbox");

	private static final Duration SETTLED_WITHIN = Duration.ofSeconds(30);

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SendQueue queue;

	@Autowired
	MessageIds messageIds;

	@Autowired
	MailTransport transport;

	@BeforeAll
	static void emptyOutbox() throws IOException {
		// The database is new on every run, the folder is not.
		FileSystemUtils.deleteRecursively(OUTBOX);
	}

	@Test
	void anInterruptedSendThatNeverReachedTheOutboxIsSentOnceByTheQueue() throws IOException {
		long id = approvedFollowUp("MAJOR");
		String messageId = this.messageIds.forFollowUp(id, 1);
		diedWhileSending(id, messageId, this.transport.channel());

		Map<String, Object> row = settled(id);

		assertThat(row.get("status")).isEqualTo("SENT");
		assertThat(row.get("message_id")).isEqualTo(messageId);
		assertThat(row.get("send_attempts")).isEqualTo(2);
		assertThat(emailsOf(id)).hasSize(1);
		assertThat(Files.readString(emailsOf(id).get(0))).contains("Message-ID: " + messageId);
	}

	@Test
	void anInterruptedSendWhoseEmailIsInTheOutboxIsRecordedAsSentWithoutSendingAgain() throws IOException {
		long id = approvedFollowUp("MODERATE");
		String messageId = this.messageIds.forFollowUp(id, 1);
		Path eml = alreadyInTheOutbox(messageId);
		diedWhileSending(id, messageId, this.transport.channel());

		Map<String, Object> row = settled(id);

		assertThat(row.get("status")).isEqualTo("SENT");
		assertThat((String) row.get("delivery_detail")).contains("not sent again");
		assertThat(row.get("send_attempts")).as("no new attempt").isEqualTo(1);
		assertThat(Files.readString(eml)).contains("already handed over");
		assertThat(emailsOf(id)).hasSize(1);
	}

	@Test
	void aSendClaimedThroughAChannelThisInstanceCannotSeeWaitsForTheCsmInsteadOfGuessing() throws IOException {
		long id = approvedFollowUp("MINOR");
		String messageId = this.messageIds.forFollowUp(id, 1);
		diedWhileSending(id, messageId, "outbox:the-other-instances-folder");

		Map<String, Object> row = settled(id);

		assertThat(row.get("status")).isEqualTo("FAILED");
		assertThat(row.get("delivery_status")).isEqualTo("UNCONFIRMED");
		assertThat(row.get("approved_version")).as("still approved").isEqualTo(1);
		assertThat((String) row.get("delivery_detail")).contains("cannot tell whether the email went out")
			.contains("before sending again")
			.contains(messageId);
		assertThat(emailsOf(id)).as("nothing sent by guessing").isEmpty();
		new FollowUpClient(this.http, "sam").get("/api/followups/" + id)
			.expectBody()
			.jsonPath("$.delivery.status")
			.isEqualTo("UNCONFIRMED");
	}

	@Test
	void aSendLeftBeingSentWithoutAnEntryInTheQueueIsAdoptedAndSettled() throws IOException {
		long id = approvedFollowUp("MAJOR");
		String messageId = this.messageIds.forFollowUp(id, 1);
		// What the sender before the queue left behind: claimed, never recorded, no
		// entry.
		this.jdbc.sql("""
				update support_followups set status = 'SENDING', message_id = :messageId, send_channel = :channel,
				    send_requested_at = :claimed, delivery_status = 'NOT_SENT'
				where id = :id
				""")
			.param("messageId", messageId)
			.param("channel", this.transport.channel())
			.param("claimed", OffsetDateTime.ofInstant(Instant.now().minusSeconds(3600), ZoneOffset.UTC))
			.param("id", id)
			.update();

		this.queue.adoptStrays();

		assertThat(settled(id).get("status")).isEqualTo("SENT");
		assertThat(emailsOf(id)).hasSize(1);
	}

	@Test
	void aSendWhoseRecordTheDatabaseLostFindsItsEmailDeliveredAndSendsNothingMore() throws IOException {
		long id = approvedFollowUp("MAJOR");
		// The email went out, then the process died and the database forgot the claim:
		// the follow-up is approved as if nothing happened.
		Path eml = alreadyInTheOutbox(this.messageIds.forFollowUp(id, 1));
		assertThat(row(id).get("message_id")).isNull();

		new FollowUpClient(this.http, "sam").send(id)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SENT")
			.jsonPath("$.delivery.messageId")
			.isEqualTo(this.messageIds.forFollowUp(id, 1));
		assertThat(Files.readString(eml)).contains("already handed over");
		assertThat(emailsOf(id)).hasSize(1);
	}

	private long approvedFollowUp(String level) {
		FollowUpClient sam = new FollowUpClient(this.http, "sam");
		long id = sam.prepareOnTechFlow(level);
		sam.approve(id).expectStatus().isOk();
		return id;
	}

	private static Path alreadyInTheOutbox(String messageId) throws IOException {
		Files.createDirectories(OUTBOX);
		Path eml = OUTBOX.resolve(messageId.replaceAll("[^A-Za-z0-9._@-]", "_") + ".eml");
		return Files.writeString(eml, "Message-ID: " + messageId + "\r\n\r\nalready handed over\r\n");
	}

	private static List<Path> emailsOf(long id) throws IOException {
		if (!Files.isDirectory(OUTBOX)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(OUTBOX)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("_fu." + id + ".")).toList();
		}
	}

	/**
	 * What an instance that died during an attempt leaves behind: the follow-up being
	 * sent, and its entry in the queue picked by that instance, whose heartbeat stopped
	 * an hour ago.
	 */
	private void diedWhileSending(long id, String messageId, String channel) {
		String entry = id + "-died";
		OffsetDateTime anHourAgo = OffsetDateTime.ofInstant(Instant.now().minusSeconds(3600), ZoneOffset.UTC);
		this.jdbc.sql("""
				update support_followups set status = 'SENDING', message_id = :messageId, send_channel = :channel,
				    send_requested_at = :claimed, send_at = :claimed, send_task = :entry, send_attempts = 1,
				    send_requested_by = 'sam', delivery_status = 'SENDING'
				where id = :id
				""")
			.param("messageId", messageId)
			.param("channel", channel)
			.param("claimed", anHourAgo)
			.param("entry", entry)
			.param("id", id)
			.update();
		this.jdbc.sql("""
				insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
				    last_heartbeat, version)
				values ('send-followup', :entry, :data, :claimed, true, 'an-instance-that-died', :claimed, 2)
				""")
			.param("entry", entry)
			.param("data", ("{\"followUpId\":" + id + "}").getBytes(StandardCharsets.UTF_8))
			.param("claimed", anHourAgo)
			.update();
	}

	/** The follow-up once the queue has settled it. */
	private Map<String, Object> settled(long id) {
		await().atMost(SETTLED_WITHIN)
			.until(() -> !List.of("SENDING", "QUEUED").contains((String) row(id).get("status")));
		return row(id);
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("select * from support_followups where id = :id").param("id", id).query().singleRow();
	}

}
