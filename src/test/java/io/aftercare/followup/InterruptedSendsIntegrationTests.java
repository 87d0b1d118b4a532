package io.aftercare.followup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * A crash between claiming a send and recording it is settled from what the transport can
 * see, and never by sending again; a send whose record was lost altogether finds its
 * email already delivered under the same Message-ID.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-interrupted;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.mail.outbox=target/interrupted-outbox" })
class InterruptedSendsIntegrationTests {

	private static final Path OUTBOX = Path.of("target/interrupted-outbox");

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InterruptedSends interruptedSends;

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
	void anInterruptedSendThatNeverReachedTheOutboxBecomesFailedAndStaysApproved() {
		long id = approvedFollowUp("MAJOR");
		String messageId = this.messageIds.forFollowUp(id, 1);
		crashWhileSending(id, messageId, this.transport.channel());

		this.interruptedSends.settle();

		Map<String, Object> row = row(id);
		assertThat(row.get("status")).isEqualTo("FAILED");
		assertThat(row.get("approved_version")).isNotNull();
		assertThat((String) row.get("delivery_detail")).contains("interrupted before the email was handed over");
		sendsAs(id, messageId);
	}

	@Test
	void anInterruptedSendWhoseEmailIsInTheOutboxIsRecordedAsSentWithoutSendingAgain() throws IOException {
		long id = approvedFollowUp("MODERATE");
		String messageId = this.messageIds.forFollowUp(id, 1);
		Path eml = alreadyInTheOutbox(messageId);
		crashWhileSending(id, messageId, this.transport.channel());

		this.interruptedSends.settle();

		assertThat(row(id).get("status")).isEqualTo("SENT");
		assertThat(Files.readString(eml)).contains("already handed over");
	}

	@Test
	void aSendClaimedByAnotherInstanceWithAnOutboxOfItsOwnIsNotClaimedToBeUndelivered() {
		long id = approvedFollowUp("MINOR");
		String messageId = this.messageIds.forFollowUp(id, 1);
		crashWhileSending(id, messageId, "outbox:the-other-instances-folder");

		this.interruptedSends.settle();

		Map<String, Object> row = row(id);
		assertThat(row.get("status")).isEqualTo("FAILED");
		assertThat((String) row.get("delivery_detail")).contains("cannot tell whether it went out")
			.contains("before sending again")
			.contains(messageId);
	}

	@Test
	void aSendWhoseRecordTheDatabaseLostFindsItsEmailDeliveredAndSendsNothingMore() throws IOException {
		long id = approvedFollowUp("MAJOR");
		// The email went out, then the process died and the database forgot the claim:
		// the
		// follow-up is approved as if nothing happened.
		Path eml = alreadyInTheOutbox(this.messageIds.forFollowUp(id, 1));
		assertThat(row(id).get("message_id")).isNull();

		sendsAs(id, this.messageIds.forFollowUp(id, 1));
		assertThat(Files.readString(eml)).contains("already handed over");
		assertThat(emailsOf(id)).hasSize(1);
	}

	/** Sending it now records it as sent, under that Message-ID. */
	private void sendsAs(long id, String messageId) {
		new FollowUpClient(this.http, "sam").send(id)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SENT")
			.jsonPath("$.delivery.messageId")
			.isEqualTo(messageId);
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
		try (Stream<Path> files = Files.list(OUTBOX)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("_fu." + id + ".")).toList();
		}
	}

	/** What a crash right after the claim leaves behind. */
	private void crashWhileSending(long id, String messageId, String channel) {
		this.jdbc.sql("""
				update support_followups set status = 'SENDING', message_id = :messageId, send_channel = :channel,
				    send_requested_at = :claimed
				where id = :id
				""")
			.param("messageId", messageId)
			.param("channel", channel)
			.param("claimed", OffsetDateTime.ofInstant(Instant.now().minusSeconds(3600), ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("select * from support_followups where id = :id").param("id", id).query().singleRow();
	}

}
