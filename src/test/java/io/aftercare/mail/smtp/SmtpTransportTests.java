package io.aftercare.mail.smtp;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.aftercare.mail.ConnectionSecurity;
import io.aftercare.mail.DeliveryCheck;
import io.aftercare.mail.Handover;
import io.aftercare.mail.MailDeliveryException;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.mail.OutgoingEmail.Mailbox;
import io.aftercare.mail.SendingAddress;
import io.aftercare.mail.imap.ImapMailbox;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SMTP transport against real servers: GreenMail's SMTP and IMAP, and a scripted SMTP
 * server for the answers GreenMail never gives.
 */
class SmtpTransportTests {

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Mailbox SAM = new Mailbox("Sam Rivera", "sam@aftercare.test");

	private static final Mailbox DAVID = new Mailbox("David Park", "david@techflow.test");

	@BeforeEach
	void users() {
		mail.setUser("sam@aftercare.test", "sam", "secret");
		mail.setUser("followups@aftercare.test", "followups", "secret");
	}

	@Test
	void sendsTheStandardMessageWithOurMessageIdAndTheTicketsThreadAndTheServersAnswer() throws Exception {
		OutgoingEmail email = new OutgoingEmail("<fu.1.1.abc@mail.test>", SAM, DAVID, "Checking in — all good?",
				"Hi David,\n\nAll good?", "<p>Hi David,</p><p>All good?</p>", "<desk-2@zendesk.test>",
				List.of("<desk-1@zendesk.test>", "<desk-2@zendesk.test>"));

		Handover handover = transport(SmtpTransport.SentCopy.NONE, SendingAddress.AUTHOR).deliver(email);

		assertThat(handover.serverReply()).startsWith("Accepted by localhost: 250");
		MimeMessage received = only(receivedBy("david@techflow.test"));
		assertThat(received.getMessageID()).isEqualTo("<fu.1.1.abc@mail.test>");
		assertThat(received.getHeader("In-Reply-To")).containsExactly("<desk-2@zendesk.test>");
		assertThat(received.getHeader("References")[0].replaceAll("\\s+", " "))
			.isEqualTo("<desk-1@zendesk.test> <desk-2@zendesk.test>");
		assertThat(received.getFrom()).extracting(Object::toString).containsExactly("Sam Rivera <sam@aftercare.test>");
		assertThat(received.getReplyTo()).extracting(Object::toString)
			.containsExactly("Sam Rivera <sam@aftercare.test>");
		assertThat(received.getSubject()).isEqualTo("Checking in — all good?");
		assertThat(received.getHeader("Auto-Submitted")).as("a personal email").isNull();
		assertThat(received.getContentType()).startsWith("multipart/");
	}

	@Test
	void sendsFromTheWorkspaceAddressUnderTheCsmsNameWithTheCsmAsReplyToWhereTheProviderRequiresIt() throws Exception {
		transport(SmtpTransport.SentCopy.NONE, new SendingAddress("followups@aftercare.test"))
			.deliver(email("<fu.2.1.abc@mail.test>"));

		MimeMessage received = only(receivedBy("david@techflow.test"));
		InternetAddress from = (InternetAddress) received.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo("followups@aftercare.test");
		assertThat(from.getPersonal()).isEqualTo("Sam Rivera");
		assertThat(received.getReplyTo()).extracting(Object::toString)
			.containsExactly("Sam Rivera <sam@aftercare.test>");
	}

	@Test
	void findsWhatItSentByItsMessageIdInTheMailboxThatGotTheBlindCopy() throws Exception {
		SmtpTransport transport = transport(bccTo("followups@aftercare.test", "followups", "INBOX"),
				new SendingAddress("followups@aftercare.test"));
		OutgoingEmail sent = email("<fu.3.1.abc@mail.test>");
		assertThat(transport.check(sent)).isEqualTo(DeliveryCheck.NOT_DELIVERED);

		transport.deliver(sent);

		assertThat(transport.check(sent)).isEqualTo(DeliveryCheck.DELIVERED);
		assertThat(transport.check(email("<fu.3.2.abc@mail.test>"))).isEqualTo(DeliveryCheck.NOT_DELIVERED);
		assertThat(transport.check(email("<fu.3.1.ab@mail.test>"))).as("an exact match, not a substring")
			.isEqualTo(DeliveryCheck.NOT_DELIVERED);
		MimeMessage customersCopy = only(receivedBy("david@techflow.test"));
		assertThat(customersCopy.getHeader("Bcc")).as("the blind copy stays blind").isNull();
		assertThat(customersCopy.getAllRecipients()).extracting(Object::toString)
			.containsExactly("David Park <david@techflow.test>");
	}

	@Test
	void cannotTellWithoutASentCopyToLookAt() {
		assertThat(transport(SmtpTransport.SentCopy.NONE, SendingAddress.AUTHOR).check(email("<fu.4.1.abc@mail.test>")))
			.isEqualTo(DeliveryCheck.UNKNOWN);
	}

	@Test
	void aSentFolderThatCannotBeReadIsWorthAnotherLookNotAGuess() {
		SmtpTransport transport = transport(bccTo("followups@aftercare.test", "followups", "Sent Items"),
				SendingAddress.AUTHOR);
		assertThatThrownBy(() -> transport.check(email("<fu.5.1.abc@mail.test>")))
			.isInstanceOfSatisfying(MailDeliveryException.class,
					(ex) -> assertThat(ex.kind()).isEqualTo(MailDeliveryException.Kind.TRANSIENT))
			.hasMessageContaining("Sent Items");
	}

	@Test
	void aServerOutOfReachIsWorthAnotherTry() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		SmtpTransport transport = new SmtpTransport(server(closed, null, null), SmtpTransport.SentCopy.NONE,
				SendingAddress.AUTHOR, Clock.systemUTC());
		assertThatThrownBy(() -> transport.deliver(email("<fu.6.1.abc@mail.test>")))
			.isInstanceOfSatisfying(MailDeliveryException.class,
					(ex) -> assertThat(ex.kind()).isEqualTo(MailDeliveryException.Kind.TRANSIENT))
			.hasMessageContaining("could not be reached");
	}

	@Test
	void aRefusedLoginIsFinal() {
		SmtpTransport transport = new SmtpTransport(server(mail.getSmtp().getPort(), "sam", "wrong"),
				SmtpTransport.SentCopy.NONE, SendingAddress.AUTHOR, Clock.systemUTC());
		assertThatThrownBy(() -> transport.deliver(email("<fu.7.1.abc@mail.test>")))
			.isInstanceOfSatisfying(MailDeliveryException.class,
					(ex) -> assertThat(ex.kind()).isEqualTo(MailDeliveryException.Kind.PERMANENT))
			.hasMessageContaining("refused the login");
		assertThat(mail.getReceivedMessages()).isEmpty();
	}

	@Test
	void aRecipientRefusedWithA5xxIsFinalAndSaysWhatTheServerAnswered() throws IOException {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()
			.refusingRecipients("550 5.1.1 <david@techflow.test>: Recipient address rejected: User unknown")) {
			assertThatThrownBy(() -> scripted(server).deliver(email("<fu.8.1.abc@mail.test>")))
				.isInstanceOfSatisfying(MailDeliveryException.class,
						(ex) -> assertThat(ex.kind()).isEqualTo(MailDeliveryException.Kind.PERMANENT))
				.hasMessageContaining("550 5.1.1")
				.hasMessageContaining("User unknown");
		}
	}

	@Test
	void aDeferralWithA4xxIsWorthAnotherTry() throws IOException {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()
			.answeringData("451 4.3.0 Temporary lookup failure, try again later")) {
			assertThatThrownBy(() -> scripted(server).deliver(email("<fu.9.1.abc@mail.test>")))
				.isInstanceOfSatisfying(MailDeliveryException.class,
						(ex) -> assertThat(ex.kind()).isEqualTo(MailDeliveryException.Kind.TRANSIENT))
				.hasMessageContaining("451 4.3.0");
		}
	}

	@Test
	void aConnectionThatBreaksAfterTheDataLeavesItUncertain() throws IOException {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer().droppingAfterData()) {
			assertThatThrownBy(() -> scripted(server).deliver(email("<fu.10.1.abc@mail.test>"))).isInstanceOfSatisfying(
					MailDeliveryException.class,
					(ex) -> assertThat(ex.kind()).isEqualTo(MailDeliveryException.Kind.UNCERTAIN));
		}
	}

	@Test
	void namesItsChannelAfterTheAccountAndTheServer() {
		assertThat(transport(SmtpTransport.SentCopy.NONE, SendingAddress.AUTHOR).channel())
			.isEqualTo("smtp:sam@localhost");
	}

	private static SmtpTransport scripted(ScriptedSmtpServer server) {
		return new SmtpTransport(server(server.port(), null, null), SmtpTransport.SentCopy.NONE, SendingAddress.AUTHOR,
				Clock.systemUTC());
	}

	private static SmtpTransport transport(SmtpTransport.SentCopy copy, SendingAddress sending) {
		return new SmtpTransport(server(mail.getSmtp().getPort(), "sam", "secret"), copy, sending, Clock.systemUTC());
	}

	private static SmtpTransport.Server server(int port, String username, String password) {
		return new SmtpTransport.Server("localhost", port, ConnectionSecurity.NONE, username, password, TIMEOUT,
				TIMEOUT);
	}

	private static SmtpTransport.SentCopy bccTo(String address, String login, String folder) {
		ImapMailbox mailbox = new ImapMailbox(new ImapMailbox.Account("localhost", mail.getImap().getPort(),
				ConnectionSecurity.NONE, login, "secret", TIMEOUT, TIMEOUT));
		return new SmtpTransport.SentCopy(SmtpTransport.SentCopy.Mode.BCC, mailbox, folder, address);
	}

	private static OutgoingEmail email(String messageId) {
		return new OutgoingEmail(messageId, SAM, DAVID, "Checking in", "Hi David,\n\nAll good?", null);
	}

	private static MimeMessage[] receivedBy(String address) {
		return mail.findReceivedMessages((user) -> user.getEmail().equals(address), (message) -> true)
			.toArray(MimeMessage[]::new);
	}

	private static MimeMessage only(MimeMessage[] messages) {
		assertThat(messages).hasSize(1);
		return messages[0];
	}

}
