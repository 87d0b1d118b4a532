package io.aftercare.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import io.aftercare.mail.OutgoingEmail.Mailbox;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutgoingEmailTests {

	private static final Instant SENT = Instant.parse("2026-11-30T09:15:00Z");

	private final Session session = Session.getInstance(new Properties());

	private static OutgoingEmail email(String subject, String htmlBody) {
		return new OutgoingEmail("<fu.1.2.abc@mail.test>", new Mailbox("Sam Rivera", "sam.rivera@aftercare.example"),
				new Mailbox("David Park", "david.park@techflow.example"), subject, "Hi David,\n\nAll good?", htmlBody);
	}

	@Test
	void buildsTheStandardMessageThatAMailLibraryReadsBack() throws Exception {
		MimeMessage message = readBack(
				email("Checking in — all good?", "<p>Hi David,</p><p>All good?</p>").toMime(this.session, SENT));

		assertThat(message.getMessageID()).isEqualTo("<fu.1.2.abc@mail.test>");
		assertThat(message.getFrom()).extracting(Object::toString)
			.containsExactly("Sam Rivera <sam.rivera@aftercare.example>");
		assertThat(message.getReplyTo()).extracting(Object::toString)
			.containsExactly("Sam Rivera <sam.rivera@aftercare.example>");
		assertThat(message.getAllRecipients()).extracting(Object::toString)
			.containsExactly("David Park <david.park@techflow.example>");
		assertThat(message.getSubject()).isEqualTo("Checking in — all good?");
		assertThat(message.getSentDate()).isEqualTo(Date.from(SENT));
		assertThat(message.getHeader("X-Auto-Response-Suppress")).containsExactly("OOF, AutoReply");
	}

	@Test
	void carriesTheTextWithTheHtmlAsItsAlternative() throws Exception {
		MimeMessage message = readBack(
				email("Checking in", "<p>Hi David,</p><p>All good?</p>").toMime(this.session, SENT));

		// Spring's helper nests mixed > related > alternative, ready for attachments and
		// inline images; what counts is the alternative of text and HTML, in that order.
		Multipart alternative = alternativeIn((Multipart) message.getContent());
		assertThat(alternative.getCount()).isEqualTo(2);
		BodyPart text = alternative.getBodyPart(0);
		BodyPart html = alternative.getBodyPart(1);
		assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(text.getContent()).isEqualTo("Hi David,\n\nAll good?");
		assertThat(html.getContentType()).startsWith("text/html");
		assertThat(html.getContent()).isEqualTo("<p>Hi David,</p><p>All good?</p>");
	}

	@Test
	void isPlainTextWithoutAnHtmlBody() throws Exception {
		MimeMessage message = readBack(email("Checking in", null).toMime(this.session, SENT));

		assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(message.getContent()).isEqualTo("Hi David,\n\nAll good?");
	}

	@Test
	void keepsNamesBeyondAsciiIntact() throws Exception {
		OutgoingEmail email = new OutgoingEmail("<fu.3.1.abc@mail.test>",
				new Mailbox("Zoë Müller", "zoe@aftercare.example"), new Mailbox("José Núñez", "jose@acme.example"),
				"Über die Lösung", "Hola José", null);

		MimeMessage message = readBack(email.toMime(this.session, SENT));

		assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Zoë Müller");
		assertThat(((InternetAddress) message.getAllRecipients()[0]).getPersonal()).isEqualTo("José Núñez");
		assertThat(message.getSubject()).isEqualTo("Über die Lösung");
	}

	@Test
	void refusesSubjectsAndMailboxesThatWouldAddHeaders() {
		assertThatIllegalArgumentException().isThrownBy(() -> email("Hello\r\nBcc: everyone@example.com", null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Mailbox("Eve\r\nBcc: x@example.com", "eve@example.com"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Mailbox("Eve", "eve@example.com\r\nBcc: x@example.com"));
	}

	@Test
	void refusesAMessageIdThatIsNotOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutgoingEmail("fu.1.2.abc@mail.test", new Mailbox(null, "sam@aftercare.example"),
					new Mailbox(null, "david@techflow.example"), "Hi", "Hi", null));
	}

	@Test
	void answersTheTicketsThreadWithInReplyToAndReferencesAndAsksNoAutoSubmitted() throws Exception {
		OutgoingEmail email = new OutgoingEmail("<fu.1.2.abc@mail.test>",
				new Mailbox("Sam Rivera", "sam.rivera@aftercare.example"),
				new Mailbox("David Park", "david.park@techflow.example"), "Checking in", "Hi David", null,
				"<zd-3@techflow.zendesk.test>",
				java.util.List.of("<zd-1@techflow.zendesk.test>", "<zd-3@techflow.zendesk.test>"));

		MimeMessage message = readBack(email.toMime(this.session, SENT));

		assertThat(message.getHeader("In-Reply-To")).containsExactly("<zd-3@techflow.zendesk.test>");
		assertThat(message.getHeader("References")[0].replaceAll("\\s+", " "))
			.isEqualTo("<zd-1@techflow.zendesk.test> <zd-3@techflow.zendesk.test>");
		assertThat(message.getHeader("Auto-Submitted")).as("a personal email").isNull();
	}

	@Test
	void startsAThreadOfItsOwnWhereTheDesksIsNotKnown() throws Exception {
		MimeMessage message = readBack(email("Checking in", null).toMime(this.session, SENT));

		assertThat(message.getHeader("In-Reply-To")).isNull();
		assertThat(message.getHeader("References")).isNull();
	}

	@Test
	void keepsTheRootAndTheLatestOfALongThread() {
		java.util.List<String> thread = java.util.stream.IntStream.rangeClosed(1, 30)
			.mapToObj((i) -> "<zd-" + i + "@desk.test>")
			.toList();
		OutgoingEmail email = new OutgoingEmail("<fu.1.2.abc@mail.test>", new Mailbox(null, "sam@aftercare.example"),
				new Mailbox(null, "david@techflow.example"), "Hi", "Hi", null, "<zd-30@desk.test>", thread);

		assertThat(email.references()).hasSize(10).startsWith("<zd-1@desk.test>").endsWith("<zd-30@desk.test>");
	}

	@Test
	void refusesThreadHeadersThatAreNotMessageIds() {
		Mailbox sam = new Mailbox(null, "sam@aftercare.example");
		Mailbox david = new Mailbox(null, "david@techflow.example");
		assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail("<fu.1.2.abc@mail.test>", sam, david,
				"Hi", "Hi", null, "<a@b>\r\nBcc: everyone@example.com", java.util.List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingEmail("<fu.1.2.abc@mail.test>", sam, david,
				"Hi", "Hi", null, null, java.util.List.of("<a@b> <c@d>")));
	}

	@Test
	void goesOutFromTheWorkspaceAddressUnderTheAuthorsNameWithTheAuthorAsReplyTo() throws Exception {
		MimeMessage message = readBack(email("Checking in", null).toMime(this.session, SENT,
				new SendingAddress("followups@aftercare.example")));

		assertThat(message.getFrom()).extracting(Object::toString)
			.containsExactly("Sam Rivera <followups@aftercare.example>");
		assertThat(message.getReplyTo()).extracting(Object::toString)
			.containsExactly("Sam Rivera <sam.rivera@aftercare.example>");
	}

	private static Multipart alternativeIn(Multipart multipart) throws Exception {
		if (multipart.getContentType().startsWith("multipart/alternative")) {
			return multipart;
		}
		assertThat(multipart.getCount()).as("parts of " + multipart.getContentType()).isEqualTo(1);
		return alternativeIn((Multipart) multipart.getBodyPart(0).getContent());
	}

	/** The message as a receiving mail client sees it: written out and parsed again. */
	private MimeMessage readBack(MimeMessage message) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		message.writeTo(bytes);
		return new MimeMessage(this.session, new ByteArrayInputStream(bytes.toByteArray()));
	}

}
