package io.aftercare.followup;

import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.aftercare.AftercareIntegrationTest;
import io.aftercare.TestPorts;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application sending through GreenMail, a real SMTP and IMAP server: the email
 * arrives with our Message-ID and the ticket's thread, with the server's answer shown,
 * and a server that is down and then up gets it once, on the queue's retry.
 */
@AftercareIntegrationTest
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-smtp;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.mail.transport=smtp", "aftercare.mail.smtp.host=localhost", "aftercare.mail.smtp.security=none",
		"aftercare.mail.smtp.username=followups", "aftercare.mail.smtp.password=secret",
		"aftercare.mail.smtp.sent-copy=bcc", "aftercare.mail.smtp.bcc-address=followups@aftercare.test",
		"aftercare.mail.imap.host=localhost", "aftercare.mail.imap.security=none",
		"aftercare.mail.imap.username=followups", "aftercare.mail.imap.password=secret",
		"aftercare.mail.imap.sent-folder=INBOX", "aftercare.followup.retry-first=PT1S",
		"aftercare.followup.send-wait=PT5S", "db-scheduler.polling-interval=1s" })
class SmtpSendingIntegrationTests {

	private static final int SMTP = TestPorts.free();

	private static final int IMAP = TestPorts.free();

	private static GreenMail mail;

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void ports(DynamicPropertyRegistry registry) {
		registry.add("aftercare.mail.smtp.port", () -> SMTP);
		registry.add("aftercare.mail.imap.port", () -> IMAP);
	}

	@AfterAll
	static void stopMail() {
		if (mail != null) {
			mail.stop();
		}
	}

	@Test
	void theEmailArrivesWithOurMessageIdInTheTicketsThreadAndTheServersAnswerIsShown() throws Exception {
		mailServerUp();
		FollowUpClient sam = new FollowUpClient(this.http, "sam");
		long id = sam.prepareOnTechFlow("MAJOR");
		this.jdbc.sql("update tickets set mail_thread = :thread where ticket_number = 'TF-2024-0847'")
			.param("thread", "<zd-1@techflow.zendesk.test> <zd-2@techflow.zendesk.test>")
			.update();
		sam.approve(id).expectStatus().isOk();

		Map<?, ?> sent = sam.send(id).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

		Map<?, ?> delivery = (Map<?, ?>) sent.get("delivery");
		assertThat(sent.get("status")).isEqualTo("SENT");
		assertThat((String) delivery.get("detail")).startsWith("Accepted by localhost: 250");
		MimeMessage received = receivedBy("david.park@techflow.example", (String) delivery.get("messageId"));
		assertThat(received.getHeader("In-Reply-To")).containsExactly("<zd-2@techflow.zendesk.test>");
		assertThat(received.getHeader("References")[0].replaceAll("\\s+", " "))
			.isEqualTo("<zd-1@techflow.zendesk.test> <zd-2@techflow.zendesk.test>");
		assertThat(received.getFrom()[0].toString()).contains("sam");
		assertThat(received.getHeader("Auto-Submitted")).isNull();
	}

	@Test
	void aMailServerThatIsDownThenUpGetsTheEmailOnce() throws Exception {
		mailServerDown();
		FollowUpClient sam = new FollowUpClient(this.http, "sam");
		long id = sam.prepareOnTechFlow("MODERATE");
		sam.approve(id).expectStatus().isOk();

		sam.send(id)
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("QUEUED")
			.jsonPath("$.delivery.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("could not be reached"));
		String messageId = (String) row(id).get("message_id");

		mailServerUp();
		await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(row(id).get("status")));

		assertThat(copiesOf(messageId, "david.park@techflow.example")).as("the customer got it once").isEqualTo(1);
		assertThat((Integer) row(id).get("send_attempts")).isGreaterThanOrEqualTo(2);
		sam.send(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SENT");
		assertThat(copiesOf(messageId, "david.park@techflow.example")).as("sending again sends nothing").isEqualTo(1);
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("select * from support_followups where id = :id").param("id", id).query().singleRow();
	}

	private static MimeMessage receivedBy(String address, String messageId) throws Exception {
		MimeMessage[] found = mail
			.findReceivedMessages((user) -> user.getEmail().equals(address),
					(message) -> messageId.equals(messageId(message)))
			.toArray(MimeMessage[]::new);
		assertThat(found).as("emails to " + address + " with " + messageId).hasSize(1);
		return found[0];
	}

	/** Emails with this Message-ID in the mailbox of {@code address}. */
	private static long copiesOf(String messageId, String address) {
		return mail
			.findReceivedMessages((user) -> user.getEmail().equals(address),
					(message) -> messageId.equals(messageId(message)))
			.count();
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			return null;
		}
	}

	private static synchronized void mailServerUp() {
		if (mail == null || !mail.isRunning()) {
			mail = new GreenMail(new ServerSetup[] { new ServerSetup(SMTP, "localhost", ServerSetup.PROTOCOL_SMTP),
					new ServerSetup(IMAP, "localhost", ServerSetup.PROTOCOL_IMAP) });
			mail.start();
			mail.setUser("followups@aftercare.test", "followups", "secret");
		}
	}

	private static synchronized void mailServerDown() {
		if (mail != null && mail.isRunning()) {
			mail.stop();
		}
	}

}
