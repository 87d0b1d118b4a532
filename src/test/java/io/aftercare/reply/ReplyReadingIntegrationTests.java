package io.aftercare.reply;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.aftercare.AftercareIntegrationTest;
import io.aftercare.TestPorts;
import io.aftercare.chat.ChatClient;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reading answers from GreenMail, a real SMTP and IMAP server, with the whole
 * application: a follow-up goes out over SMTP, the customer's reply (threaded by
 * In-Reply-To, with Gmail's quote header and a signature) lands in the CSM's mailbox, the
 * IMAP poller finds it, and the API shows its own words and reading; the chat, the risk
 * signals and the health history hear of it. An out-of-office and a bounce are not
 * counted as answers; a hard bounce marks the follow-up bounced with the server's reason
 * and the address suspect.
 */
@AftercareIntegrationTest
// Its own database and servers: no other class can reuse the context, and its pollers
// must not go on polling stopped servers while later classes run.
@DirtiesContext
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-replies;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.mail.transport=smtp", "aftercare.mail.smtp.host=localhost", "aftercare.mail.smtp.security=none",
		"aftercare.mail.smtp.username=sam", "aftercare.mail.smtp.password=secret", "aftercare.mail.imap.host=localhost",
		"aftercare.mail.imap.security=none", "aftercare.mail.imap.username=sam", "aftercare.mail.imap.password=secret",
		"aftercare.replies.imap.enabled=true", "aftercare.replies.imap.poll-interval=1s",
		"aftercare.replies.links.base-url=https://aftercare.test", "aftercare.followup.send-wait=PT5S",
		"aftercare.reminder.fire-every=1s", "db-scheduler.polling-interval=1s",
		"aftercare.triggers.notice.email=true" })
class ReplyReadingIntegrationTests {

	static final String SAM = "sam.rivera@aftercare.example";

	static final String DAVID = "david.park@techflow.example";

	private static final int SMTP = TestPorts.free();

	private static final int IMAP = TestPorts.free();

	private static final GreenMail mail = new GreenMail(
			new ServerSetup[] { new ServerSetup(SMTP, "localhost", ServerSetup.PROTOCOL_SMTP),
					new ServerSetup(IMAP, "localhost", ServerSetup.PROTOCOL_IMAP) });

	private static final GreenMailUser samsMailbox;

	static {
		mail.start();
		samsMailbox = mail.setUser(SAM, "sam", "secret");
	}

	@Autowired
	RestTestClient http;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void ports(DynamicPropertyRegistry registry) {
		registry.add("aftercare.mail.smtp.port", () -> SMTP);
		registry.add("aftercare.mail.imap.port", () -> IMAP);
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@Test
	void aThreadedReplyIsFoundStrippedReadAndShownAndItsCsmHearsOfIt() throws Exception {
		Sent sent = sendFollowUp("MAJOR");
		long risksBefore = count("select count(*) from risk_signals where kind = 'reply-still_broken'");
		assertThat(sent.text()).as("the email the customer got offers the one-click answers")
			.contains("All good: https://aftercare.test/answer/")
			.contains("Still having trouble: https://aftercare.test/answer/");

		deliver("""
				From: David Park <david.park@techflow.example>
				To: Sam Rivera <sam.rivera@aftercare.example>
				Subject: Re: %s
				Message-ID: <reply-1@techflow.example>
				In-Reply-To: %s
				References: %s
				Date: Mon, 30 Nov 2026 10:00:00 +0000
				MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8

				Thanks Sam. Unfortunately the sync still fails every morning at 9.

				On Mon, 30 Nov 2026 at 09:00, Sam Rivera <sam.rivera@aftercare.example>
				wrote:
				> Hi David,
				> the sync is fixed.

				--\u0020
				David Park
				CTO, TechFlow
				""".formatted(sent.subject(), sent.messageId(), sent.messageId()));

		Map<?, ?> response = await().atMost(Duration.ofSeconds(30))
			.until(() -> (Map<?, ?>) followUp(sent.id()).get("response"), (r) -> "REPLIED".equals(r.get("status")));
		assertThat(response.get("text"))
			.isEqualTo("Thanks Sam. Unfortunately the sync still fails every morning at 9.");
		assertThat(response.get("reading")).isEqualTo("STILL_BROKEN");
		assertThat(response.get("via")).isEqualTo("EMAIL");
		assertThat((String) response.get("reason")).isNotBlank();

		long customer = customerOf(sent.id());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.jdbc.sql("select text from chat_messages where followup_id = :id and username = 'sam'")
				.param("id", sent.id())
				.query(String.class)
				.list())
				.anySatisfy((text) -> assertThat(text).contains("still broken")
					.contains("the sync still fails every morning")
					.contains("Consider reopening the ticket"));
			assertThat(count("select count(*) from risk_signals where customer_id = " + customer
					+ " and kind = 'reply-still_broken'"))
				.isEqualTo(risksBefore + 1);
			assertThat(this.jdbc.sql("select note from health_scores where customer_id = :c and source = 'reply'")
				.param("c", customer)
				.query(String.class)
				.list()).anySatisfy((note) -> assertThat(note).contains("still broken"));
		});
		assertThat(count("select count(*) from incoming_mail where message_id = '<reply-1@techflow.example>'"))
			.as("recorded once, whatever the polls")
			.isEqualTo(1);
	}

	@Test
	void anAutoReplyAndABounceAreNotAnswersAndAHardBounceMarksTheFollowUpBounced() throws Exception {
		Sent sent = sendFollowUp("MODERATE");

		deliver("""
				From: David Park <david.park@techflow.example>
				To: Sam Rivera <sam.rivera@aftercare.example>
				Subject: Automatic reply: %s
				Message-ID: <ooo-1@techflow.example>
				In-Reply-To: %s
				Auto-Submitted: auto-replied
				MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8

				I am out of the office until Monday and will answer when I am back. All good otherwise!
				""".formatted(sent.subject(), sent.messageId()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from incoming_mail where message_id = '<ooo-1@techflow.example>'"
					+ " and kind = 'AUTO_REPLY' and followup_id = " + sent.id()) == 1);
		assertThat(((Map<?, ?>) followUp(sent.id()).get("response")).get("status")).isEqualTo("AWAITING");

		deliver("""
				From: Mail Delivery System <MAILER-DAEMON@mx.techflow.example>
				To: Sam Rivera <sam.rivera@aftercare.example>
				Subject: Undelivered Mail Returned to Sender
				Message-ID: <bounce-1@mx.techflow.example>
				Auto-Submitted: auto-replied
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

				--b1
				Content-Type: text/plain; charset=US-ASCII

				I'm sorry to have to inform you that your message could not be delivered.

				--b1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.techflow.example

				Final-Recipient: rfc822; david.park@techflow.example
				Action: failed
				Status: 5.1.1
				Diagnostic-Code: smtp; 550 5.1.1 <david.park@techflow.example>: Recipient address rejected: User unknown

				--b1
				Content-Type: text/rfc822-headers

				From: Sam Rivera <sam.rivera@aftercare.example>
				To: David Park <david.park@techflow.example>
				Message-ID: %s
				Subject: %s

				--b1--
				""".formatted(sent.messageId(), sent.subject()));

		Map<?, ?> view = await().atMost(Duration.ofSeconds(30))
			.until(() -> followUp(sent.id()), (f) -> "BOUNCED".equals(((Map<?, ?>) f.get("delivery")).get("status")));
		assertThat((String) ((Map<?, ?>) view.get("delivery")).get("detail")).contains("5.1.1")
			.contains("User unknown");
		assertThat(((Map<?, ?>) view.get("response")).get("status")).isNotEqualTo("REPLIED");
		assertThat(((Map<?, ?>) view.get("response")).get("text")).isNull();
		assertThat(
				count("select count(*) from contacts where email = '" + DAVID + "' and address_suspect_at is not null"))
			.isEqualTo(1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from chat_messages where followup_id = " + sent.id()
					+ " and text like '%bounced%'") == 1);

		Map<?, ?> next = post("/api/customers/" + customerId() + "/ticket-followup",
				Map.of("ticketNumber", "TF-2024-0847", "level", "MODERATE"));
		// Sam's chat is in a zone whose date is not UTC's today: the day is written in
		// it.
		ZoneId samsZone = ZoneId
			.of((Instant.now().atZone(ZoneOffset.UTC).getHour() >= 10) ? "Pacific/Kiritimati" : "Pacific/Pago_Pago");
		this.jdbc.sql("update csm_users set time_zone = :zone where username = 'sam'")
			.param("zone", samsZone.getId())
			.update();
		String warning;
		try {
			warning = (String) ((Map<?, ?>) followUp(((Number) next.get("id")).longValue()).get("sendOptions"))
				.get("addressWarning");
		}
		finally {
			this.jdbc.sql("update csm_users set time_zone = null where username = 'sam'").update();
		}
		assertThat(warning).as("the next draft to the same address says it bounced")
			.startsWith("Mail to " + DAVID + " bounced for good on "
					+ DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).format(LocalDate.now(samsZone)) + " (")
			.contains("User unknown")
			.endsWith("Check the address before sending.");
		String card = ChatClient.signIn(this.port, "sam", "demo")
			.say("Follow up with TechFlow on ticket TF-2024-0847")
			.body();
		assertThat(card).as("the chat's card shows it above the email")
			.contains("class=\"alert error address-warning\"")
			.contains("Mail to " + DAVID + " bounced for good on ");
	}

	@Test
	void aDelayReportShowsTheEmailHasNotArrivedYetUntilTheCustomerAnswers() throws Exception {
		Sent sent = sendFollowUp("MODERATE");
		List<Object> suspectBefore = suspectSince();

		deliver("""
				From: Mail Delivery System <MAILER-DAEMON@mx.techflow.example>
				To: Sam Rivera <sam.rivera@aftercare.example>
				Subject: Delivery Status Notification (Delay)
				Message-ID: <delay-1@mx.techflow.example>
				Auto-Submitted: auto-replied
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="d1"

				--d1
				Content-Type: text/plain; charset=US-ASCII

				Your message has not been delivered yet. The server will keep trying.

				--d1
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.techflow.example

				Final-Recipient: rfc822; david.park@techflow.example
				Action: delayed
				Status: 4.2.2
				Diagnostic-Code: smtp; 452 4.2.2 Mailbox full

				--d1
				Content-Type: text/rfc822-headers

				From: Sam Rivera <sam.rivera@aftercare.example>
				To: David Park <david.park@techflow.example>
				Message-ID: %s
				Subject: %s

				--d1--
				""".formatted(sent.messageId(), sent.subject()));

		Map<?, ?> delayed = await().atMost(Duration.ofSeconds(30))
			.until(() -> (Map<?, ?>) followUp(sent.id()).get("delivery"), (d) -> "DELAYED".equals(d.get("status")));
		assertThat((String) delayed.get("detail")).contains("4.2.2").contains("Mailbox full");
		assertThat(ChatClient.signIn(this.port, "sam", "demo").get("/chat/followups/" + sent.id() + "/card").body())
			.as("the card says why it may not have arrived")
			.contains("Sent, but not delivered yet: ")
			.contains("Mailbox full. Their mail server keeps trying.");
		assertThat(suspectSince()).as("a delay says nothing against the address").isEqualTo(suspectBefore);

		deliver("""
				From: David Park <david.park@techflow.example>
				To: Sam Rivera <sam.rivera@aftercare.example>
				Subject: Re: %s
				Message-ID: <reply-after-delay@techflow.example>
				In-Reply-To: %s
				MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8

				Got it now, cleared some space. All good here, thanks!
				""".formatted(sent.subject(), sent.messageId()));

		Map<?, ?> delivered = await().atMost(Duration.ofSeconds(30))
			.until(() -> (Map<?, ?>) followUp(sent.id()).get("delivery"), (d) -> "DELIVERED".equals(d.get("status")));
		assertThat(delivered.get("detail")).isNull();
		assertThat(((Map<?, ?>) followUp(sent.id()).get("response")).get("status")).isEqualTo("REPLIED");
	}

	@Test
	void aOneClickAnswerIsRecordedOnlyByItsConfirmingPostAndOnlyOnce() throws Exception {
		Sent sent = sendFollowUp("MODERATE");
		String allGood = link(sent.text(), "All good");
		String stillTrouble = link(sent.text(), "Still having trouble");

		String page = page(allGood, 200);
		page(allGood, 200);
		assertThat(page).contains("Yes, all good").contains("Sam Rivera");
		assertThat(((Map<?, ?>) followUp(sent.id()).get("response")).get("status"))
			.as("following the link records nothing (a mail scanner does that)")
			.isEqualTo("AWAITING");

		assertThat(confirm(allGood, null, 400)).contains("Please use the button on the page");
		assertThat(confirm(allGood, "forged", 400)).contains("Please use the button on the page");
		assertThat(((Map<?, ?>) followUp(sent.id()).get("response")).get("status")).isEqualTo("AWAITING");

		String confirmation = page.replaceFirst("(?s).*name=\"confirmation\" value=\"([^\"]+)\".*", "$1");
		assertThat(confirm(allGood, confirmation, 200)).contains("Thank you").contains("everything is working");
		Map<?, ?> response = (Map<?, ?>) followUp(sent.id()).get("response");
		assertThat(response.get("status")).isEqualTo("REPLIED");
		assertThat(response.get("via")).isEqualTo("ONE_CLICK");
		assertThat(response.get("reading")).isEqualTo("POSITIVE");

		assertThat(confirm(allGood, confirmation, 409)).contains("already recorded");
		assertThat(page(allGood, 409)).contains("already recorded");
		assertThat(count("select count(*) from answer_tokens_used where followup_id = " + sent.id())).isEqualTo(1);

		// One character of the signature changed, away from its end: the last character
		// of an unpadded base64 HMAC also carries unused bits, so changing only those
		// would leave the same signature.
		int at = stillTrouble.length() - 5;
		String altered = stillTrouble.substring(0, at) + ((stillTrouble.charAt(at) == 'A') ? 'B' : 'A')
				+ stillTrouble.substring(at + 1);
		assertThat(page(altered, 400)).contains("This link does not work");
		assertThat(page("/answer/1.g.9999999999.AAAAAAAAAAAAAAAAAAAAAA.not-a-signature", 400))
			.contains("This link does not work");
		String claims = sent.id() + ".t." + (java.time.Instant.now().getEpochSecond() - 60) + ".AAAAAAAAAAAAAAAAAAAAAA";
		assertThat(page("/answer/" + claims + "." + this.signatures.sign("answer-link", claims), 410))
			.contains("This link has expired");
		assertThat(((Map<?, ?>) followUp(sent.id()).get("response")).get("reading")).isEqualTo("POSITIVE");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> count(
					"select count(*) from reminders where followup_id = " + sent.id() + " and status = 'OPEN'") == 0);
		assertThat(count("select count(*) from reminders where followup_id = " + sent.id() + " and status = 'DONE'"))
			.as("the follow-up's reminders were completed by the positive answer")
			.isPositive();
	}

	/**
	 * A troubled answer puts the customer at risk: the next follow-up's assessment says
	 * so (and calls for at least a satisfaction check) until a positive answer clears it.
	 */
	@Test
	void aTroubledAnswerPutsTheCustomerAtRiskUntilAPositiveOneClearsIt() throws Exception {
		Sent first = sendFollowUp("MODERATE");
		answer(first, "All good");
		awaitOpenRisks(0);
		assertThat(reasonsOfANewDraft()).noneMatch((reason) -> reason.contains("at risk"));

		Sent troubled = sendFollowUp("MODERATE");
		answer(troubled, "Still having trouble");
		awaitOpenRisks(1);
		assertThat(reasonsOfANewDraft()).contains("Customer is at risk: their answer to a follow-up read still broken");
		// The CSM is alerted by email (notices by email are on here).
		await().atMost(Duration.ofSeconds(30)).until(() -> alertsAbout(troubled).size() == 1);
		MimeMessage alert = alertsAbout(troubled).get(0);
		assertThat(alert.getSubject()).endsWith("answered your follow-up: still broken");
		assertThat(alert.getAllRecipients()[0].toString()).contains(SAM);

		Sent last = sendFollowUp("MODERATE");
		answer(last, "All good");
		awaitOpenRisks(0);
		assertThat(reasonsOfANewDraft()).noneMatch((reason) -> reason.contains("at risk"));
		// Good answers alert nobody: their alerts' listeners are not even handed the
		// event.
		assertThat(alertsAbout(first)).isEmpty();
		assertThat(alertsAbout(last)).isEmpty();
		assertThat(alertPublications(troubled)).as("email and webhook").isEqualTo(2);
		assertThat(alertPublications(last)).isZero();
	}

	private long alertPublications(Sent answered) {
		return count("select count(*) from event_publication where event_type like '%FollowUpAnswered' "
				+ "and listener_id like '%AnswerAlerts%' and serialized_event like '%\"followUpId\":{\"value\":"
				+ answered.id() + "}%'");
	}

	/** The alerts sent to the CSM about an answer to this follow-up. */
	private List<MimeMessage> alertsAbout(Sent sent) {
		return mail
			.findReceivedMessages((user) -> true,
					(message) -> String.valueOf(messageId(message)).startsWith("<notice.answer." + sent.id() + "."))
			.toList();
	}

	private void answer(Sent sent, String label) {
		String link = link(sent.text(), label);
		String confirmation = page(link, 200).replaceFirst("(?s).*name=\"confirmation\" value=\"([^\"]+)\".*", "$1");
		confirm(link, confirmation, 200);
	}

	private void awaitOpenRisks(long open) {
		long customer = customerId();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from risk_signals where customer_id = " + customer
					+ " and kind like 'reply-%' and cleared_at is null") == open);
	}

	private List<String> reasonsOfANewDraft() {
		Map<?, ?> drafted = post("/api/customers/" + customerId() + "/ticket-followup",
				Map.of("ticketNumber", "TF-2024-0847", "level", "MODERATE"));
		return ((List<?>) drafted.get("reasons")).stream().map(String::valueOf).toList();
	}

	@Test
	void theAnswerPagesOpenNothingElseToAnonymousUsers() {
		this.http.get().uri("/api/followups/1").exchange().expectStatus().isUnauthorized();
		this.http.get().uri("/chat").exchange().expectStatus().is3xxRedirection();
		this.http.post().uri("/chat/messages").exchange().expectStatus().isForbidden();
		this.http.get()
			.uri("/answer/x")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.doesNotExist("Set-Cookie");
	}

	@Autowired
	io.aftercare.mail.InstallationSignatures signatures;

	private static String link(String text, String label) {
		java.util.regex.Matcher link = java.util.regex.Pattern
			.compile(java.util.regex.Pattern.quote(label) + ": https://aftercare\\.test(/answer/\\S+)")
			.matcher(text);
		assertThat(link.find()).as(label + " link in " + text).isTrue();
		return link.group(1);
	}

	private String page(String path, int status) {
		return this.http.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private String confirm(String path, String confirmation, int status) {
		return this.http.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body((confirmation != null)
					? "confirmation=" + java.net.URLEncoder.encode(confirmation, StandardCharsets.UTF_8) : "")
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	record Sent(long id, String messageId, String subject, String text) {
	}

	private Sent sendFollowUp(String level) throws Exception {
		long customer = customerId();
		Map<?, ?> drafted = post("/api/customers/" + customer + "/ticket-followup",
				Map.of("ticketNumber", "TF-2024-0847", "level", level));
		long id = ((Number) drafted.get("id")).longValue();
		post("/api/followups/" + id + "/approve", null);
		Map<?, ?> sent = post("/api/followups/" + id + "/send", null);
		assertThat(sent.get("status")).isEqualTo("SENT");
		String messageId = (String) ((Map<?, ?>) sent.get("delivery")).get("messageId");
		MimeMessage received = mail
			.findReceivedMessages((user) -> user.getEmail().equals(DAVID),
					(message) -> messageId.equals(messageId(message)))
			.findFirst()
			.orElseThrow();
		String text = io.aftercare.reply.message.InboundMail.parse(raw(received)).text();
		return new Sent(id, messageId, received.getSubject(), text);
	}

	private long customerId() {
		List<?> customers = this.http.get()
			.uri("/api/customers?query=techflow")
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		return ((Number) ((Map<?, ?>) customers.get(0)).get("id")).longValue();
	}

	private long customerOf(long followUp) {
		return this.jdbc.sql("select customer_id from support_followups where id = :id")
			.param("id", followUp)
			.query(Long.class)
			.single();
	}

	private Map<?, ?> followUp(long id) {
		return this.http.get()
			.uri("/api/followups/" + id)
			.headers((h) -> h.setBasicAuth("sam", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private Map<?, ?> post(String path, Object body) {
		var request = this.http.post().uri(path).headers((h) -> h.setBasicAuth("sam", "demo"));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** When David's address was marked suspect, as the other tests left it. */
	private List<Object> suspectSince() {
		return this.jdbc.sql("select address_suspect_at from contacts where email = :email")
			.param("email", DAVID)
			.query((rs, i) -> rs.getObject(1))
			.list();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	/** Puts a message into the CSM's mailbox, as the mail server does on delivery. */
	static void deliver(String raw) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
		samsMailbox.deliver(message);
	}

	static byte[] raw(MimeMessage message) throws Exception {
		var out = new java.io.ByteArrayOutputStream();
		message.writeTo(out);
		return out.toByteArray();
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			return null;
		}
	}

}
