package io.aftercare.followup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.aftercare.AftercareIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash between claiming a send and recording it is settled from what the transport
 * knows, and never by sending again.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-interrupted;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.mail.outbox=target/interrupted-outbox" })
class InterruptedSendsIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InterruptedSends interruptedSends;

	@Test
	void anInterruptedSendThatNeverReachedTheOutboxBecomesFailedAndStaysApproved() {
		long id = approvedFollowUp("MAJOR");
		String messageId = "<fu." + id + "." + java.util.UUID.randomUUID().toString().replace("-", "")
				+ "@mail.aftercare.local>";
		crashWhileSending(id, messageId);

		this.interruptedSends.settle();

		Map<String, Object> row = row(id);
		assertThat(row.get("status")).isEqualTo("FAILED");
		assertThat(row.get("approved_version")).isNotNull();
		assertThat((String) row.get("delivery_detail")).contains("interrupted before the email was handed over");
		new FollowUpClient(this.http, "sam").send(id)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SENT")
			.jsonPath("$.delivery.messageId")
			.isEqualTo(messageId);
	}

	@Test
	void anInterruptedSendWhoseEmailIsInTheOutboxIsRecordedAsSentWithoutSendingAgain() throws IOException {
		long id = approvedFollowUp("MODERATE");
		String messageId = "<fu." + id + "." + java.util.UUID.randomUUID().toString().replace("-", "")
				+ "@mail.aftercare.local>";
		Path outbox = Path.of("target/interrupted-outbox");
		Files.createDirectories(outbox);
		Path eml = outbox.resolve(messageId.replaceAll("[^A-Za-z0-9._@-]", "_") + ".eml");
		Files.writeString(eml, "Message-ID: " + messageId + "\r\n\r\nalready handed over\r\n");
		crashWhileSending(id, messageId);

		this.interruptedSends.settle();

		assertThat(row(id).get("status")).isEqualTo("SENT");
		assertThat(Files.readString(eml)).contains("already handed over");
	}

	private long approvedFollowUp(String level) {
		FollowUpClient sam = new FollowUpClient(this.http, "sam");
		long id = sam.prepareOnTechFlow(level);
		sam.approve(id).expectStatus().isOk();
		return id;
	}

	/** What a crash right after the claim leaves behind. */
	private void crashWhileSending(long id, String messageId) {
		this.jdbc.sql("""
				update support_followups set status = 'SENDING', message_id = :messageId, send_requested_at = :claimed
				where id = :id
				""")
			.param("messageId", messageId)
			.param("claimed", OffsetDateTime.ofInstant(Instant.now().minusSeconds(3600), ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("select * from support_followups where id = :id").param("id", id).query().singleRow();
	}

}
