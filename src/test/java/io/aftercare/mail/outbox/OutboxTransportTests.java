package io.aftercare.mail.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import io.aftercare.mail.DeliveryCheck;
import io.aftercare.mail.MailDeliveryException;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.mail.OutgoingEmail.Mailbox;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTransportTests {

	@TempDir
	Path outbox;

	private OutgoingEmail email(String messageId, String subject) {
		return new OutgoingEmail(messageId, new Mailbox("Sam Rivera", "sam.rivera@aftercare.example"),
				new Mailbox("David Park", "david.park@techflow.example"), subject, "Hi David,\n\nAll good?",
				"<p>Hi David,</p><p>All good?</p>");
	}

	@Test
	void writesAStandardEmailThatAMailLibraryReadsBack() throws Exception {
		new OutboxTransport(this.outbox).deliver(email("<fu.1.abc@mail.test>", "Checking in — all good?"));
		List<Path> files = files();
		assertThat(files).hasSize(1);
		try (InputStream in = Files.newInputStream(files.get(0))) {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
			assertThat(message.getMessageID()).isEqualTo("<fu.1.abc@mail.test>");
			assertThat(message.getSubject()).isEqualTo("Checking in — all good?");
			assertThat(message.getAllRecipients()[0].toString()).isEqualTo("David Park <david.park@techflow.example>");
			assertThat(message.getFrom()[0].toString()).isEqualTo("Sam Rivera <sam.rivera@aftercare.example>");
			assertThat(message.getHeader("Reply-To")[0]).contains("sam.rivera@aftercare.example");
			assertThat(message.getContent()).isInstanceOf(MimeMultipart.class);
		}
	}

	@Test
	void deliveringTheSameMessageIdTwiceWritesOneFile() throws IOException {
		OutboxTransport transport = new OutboxTransport(this.outbox);
		transport.deliver(email("<fu.2.abc@mail.test>", "First"));
		transport.deliver(email("<fu.2.abc@mail.test>", "Second"));
		assertThat(files()).hasSize(1);
		assertThat(Files.readString(files().get(0))).contains("Subject: First");
	}

	@Test
	void refusesSubjectsThatWouldAddHeaders() {
		assertThatThrownBy(() -> email("<fu.3.abc@mail.test>", "Hello\r\nBcc: everyone@example.com"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Mailbox("Eve\r\nBcc: x@example.com", "eve@example.com"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Mailbox("Eve", "eve@example.com\r\nBcc: x@example.com"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void reportsAnOutboxItCannotWriteTo() throws IOException {
		Path notAFolder = Files.writeString(this.outbox.resolve("blocked"), "a file where a folder should be");
		assertThatThrownBy(() -> new OutboxTransport(notAFolder).deliver(email("<fu.4.abc@mail.test>", "Hi")))
			.isInstanceOf(MailDeliveryException.class)
			.hasMessageContaining("outbox");
	}

	@Test
	void knowsForSureWhatItDeliveredAndLeavesNoPartialFiles() throws IOException {
		OutboxTransport transport = new OutboxTransport(this.outbox);
		transport.deliver(email("<fu.5.abc@mail.test>", "Hi"));
		assertThat(transport.check("<fu.5.abc@mail.test>")).isEqualTo(DeliveryCheck.DELIVERED);
		assertThat(transport.check("<fu.5.other@mail.test>")).isEqualTo(DeliveryCheck.NOT_DELIVERED);
		try (Stream<Path> all = Files.list(this.outbox)) {
			assertThat(all.map((f) -> f.getFileName().toString()))
				.containsExactly(OutboxTransport.fileName("<fu.5.abc@mail.test>"));
		}
	}

	@Test
	void namesItsChannelAfterTheFolderSoInstancesSharingItAgree(@TempDir Path otherFolder) {
		String channel = new OutboxTransport(this.outbox).channel();
		assertThat(channel).startsWith("outbox:");
		assertThat(new OutboxTransport(this.outbox).channel()).as("another instance on the same folder")
			.isEqualTo(channel);
		assertThat(new OutboxTransport(otherFolder).channel()).as("an instance with a folder of its own")
			.isNotEqualTo(channel);
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> files = Files.list(this.outbox)) {
			return files.filter((f) -> f.toString().endsWith(".eml")).toList();
		}
	}

}
