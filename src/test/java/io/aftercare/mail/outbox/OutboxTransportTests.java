package io.aftercare.mail.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import io.aftercare.mail.DeliveryCheck;
import io.aftercare.mail.MailDeliveryException;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.mail.OutgoingEmail.Mailbox;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTransportTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T09:15:00Z"), ZoneOffset.UTC);

	@TempDir
	Path outbox;

	private OutgoingEmail email(String messageId, String subject) {
		return new OutgoingEmail(messageId, new Mailbox("Sam Rivera", "sam.rivera@aftercare.example"),
				new Mailbox("David Park", "david.park@techflow.example"), subject, "Hi David,\n\nAll good?",
				"<p>Hi David,</p><p>All good?</p>");
	}

	@Test
	void writesTheStandardMessageToAFileNamedAfterItsMessageId() throws Exception {
		new OutboxTransport(this.outbox, CLOCK).deliver(email("<fu.1.abc@mail.test>", "Checking in — all good?"));
		assertThat(files()).containsExactly(this.outbox.resolve(OutboxTransport.fileName("<fu.1.abc@mail.test>")));
		// What the message holds is OutgoingEmailTests' business; here: it is one, whole.
		try (InputStream in = Files.newInputStream(files().get(0))) {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
			assertThat(message.getMessageID()).isEqualTo("<fu.1.abc@mail.test>");
			assertThat(message.getSubject()).isEqualTo("Checking in — all good?");
			assertThat(message.getSentDate()).isEqualTo(Date.from(CLOCK.instant()));
		}
	}

	@Test
	void deliveringTheSameMessageIdTwiceWritesOneFile() throws IOException {
		OutboxTransport transport = new OutboxTransport(this.outbox, CLOCK);
		transport.deliver(email("<fu.2.abc@mail.test>", "First"));
		transport.deliver(email("<fu.2.abc@mail.test>", "Second"));
		assertThat(files()).hasSize(1);
		assertThat(Files.readString(files().get(0))).contains("Subject: First");
	}

	@Test
	void reportsAnOutboxItCannotWriteTo() throws IOException {
		Path notAFolder = Files.writeString(this.outbox.resolve("blocked"), "a file where a folder should be");
		assertThatThrownBy(() -> new OutboxTransport(notAFolder, CLOCK).deliver(email("<fu.4.abc@mail.test>", "Hi")))
			.isInstanceOf(MailDeliveryException.class)
			.hasMessageContaining("outbox");
	}

	@Test
	void knowsForSureWhatItDeliveredAndLeavesNoPartialFiles() throws IOException {
		OutboxTransport transport = new OutboxTransport(this.outbox, CLOCK);
		transport.deliver(email("<fu.5.abc@mail.test>", "Hi"));
		assertThat(transport.check(email("<fu.5.abc@mail.test>", "Hi"))).isEqualTo(DeliveryCheck.DELIVERED);
		assertThat(transport.check(email("<fu.5.other@mail.test>", "Hi"))).isEqualTo(DeliveryCheck.NOT_DELIVERED);
		try (Stream<Path> all = Files.list(this.outbox)) {
			assertThat(all.map((f) -> f.getFileName().toString()))
				.containsExactly(OutboxTransport.fileName("<fu.5.abc@mail.test>"));
		}
	}

	@Test
	void namesItsChannelAfterTheFolderSoInstancesSharingItAgree(@TempDir Path otherFolder) {
		String channel = new OutboxTransport(this.outbox, CLOCK).channel();
		assertThat(channel).startsWith("outbox:");
		assertThat(new OutboxTransport(this.outbox, CLOCK).channel()).as("another instance on the same folder")
			.isEqualTo(channel);
		assertThat(new OutboxTransport(otherFolder, CLOCK).channel()).as("an instance with a folder of its own")
			.isNotEqualTo(channel);
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> files = Files.list(this.outbox)) {
			return files.filter((f) -> f.toString().endsWith(".eml")).toList();
		}
	}

}
