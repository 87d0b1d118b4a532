package io.aftercare.mail.outbox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Properties;
import java.util.UUID;

import io.aftercare.mail.DeliveryCheck;
import io.aftercare.mail.Handover;
import io.aftercare.mail.MailDeliveryException;
import io.aftercare.mail.MailTransport;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.mail.SendingAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * The embedded transport: each email becomes its standard RFC 5322 message
 * ({@link OutgoingEmail#toMime}) in an {@code .eml} file in the outbox folder, named
 * after its Message-ID, which any mail client can open. Writing the same Message-ID again
 * leaves the first file alone.
 * <p>
 * The folder names itself in a {@value #ID_FILE} file made on first use, so that every
 * instance writing to the same folder (a shared volume) names the same channel, and an
 * instance with a folder of its own knows it cannot see another's.
 */
public class OutboxTransport implements MailTransport {

	static final String ID_FILE = ".outbox-id";

	private final Path outbox;

	private final Session session = Session.getInstance(new Properties());

	private final Clock clock;

	private final SendingAddress sending;

	private volatile String channel;

	public OutboxTransport(Path outbox, Clock clock) {
		this(outbox, SendingAddress.AUTHOR, clock);
	}

	public OutboxTransport(Path outbox, SendingAddress sending, Clock clock) {
		this.outbox = outbox;
		this.sending = sending;
		this.clock = clock;
	}

	@Override
	public String channel() {
		String known = this.channel;
		if (known == null) {
			known = "outbox:" + folderId();
			if (Files.exists(this.outbox.resolve(ID_FILE))) {
				this.channel = known;
			}
		}
		return known;
	}

	/**
	 * The folder's own name for itself, made on first use. A folder that cannot be named
	 * (missing, read-only) goes by its path: sending to it fails with a clear reason
	 * anyway, and a send claimed under that name is never mistaken for one claimed under
	 * the folder's real name.
	 */
	private String folderId() {
		Path idFile = this.outbox.resolve(ID_FILE);
		try {
			Files.createDirectories(this.outbox);
			if (!Files.exists(idFile)) {
				Path partial = Files.createTempFile(this.outbox, ".outbox-id-", ".tmp");
				Files.writeString(partial, UUID.randomUUID().toString(), StandardOpenOption.SYNC);
				// If another instance named the folder first, its name stands.
				publish(partial, idFile);
			}
			return Files.readString(idFile).strip();
		}
		catch (IOException ex) {
			return this.outbox.toAbsolutePath().normalize().toString();
		}
	}

	@Override
	public Handover deliver(OutgoingEmail email) {
		Path target = this.outbox.resolve(fileName(email.messageId()));
		Handover written = Handover.of("Written to the outbox as " + target.getFileName());
		if (Files.exists(target)) {
			return written;
		}
		try {
			Files.createDirectories(this.outbox);
			Path partial = Files.createTempFile(this.outbox, ".sending-", ".tmp");
			// Whole and on the disk before it gets its name: the name means "delivered",
			// even after a power cut.
			try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
					OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
				email.toMime(this.session, this.clock.instant(), this.sending).writeTo(out);
				out.flush();
				channel.force(true);
			}
			publish(partial, target);
			return written;
		}
		catch (IOException | MessagingException ex) {
			// A folder that cannot be written needs someone to fix it: trying again by
			// itself would not help.
			throw MailDeliveryException
				.permanent("Could not write to the outbox " + this.outbox + ": " + ex.getMessage(), ex);
		}
	}

	/** The outbox knows for sure: the file of a delivered email is there. */
	@Override
	public DeliveryCheck check(OutgoingEmail email) {
		return Files.exists(this.outbox.resolve(fileName(email.messageId()))) ? DeliveryCheck.DELIVERED
				: DeliveryCheck.NOT_DELIVERED;
	}

	/**
	 * Gives a finished file its name, atomically and never over an existing file: a hard
	 * link either appears whole or fails because the name is taken.
	 */
	private static void publish(Path partial, Path target) throws IOException {
		try {
			Files.createLink(target, partial);
		}
		catch (FileAlreadyExistsException ex) {
			// Already there: the first one stands.
		}
		catch (UnsupportedOperationException ex) {
			// A file system without hard links: a move, which does not replace either.
			Files.move(partial, target);
			return;
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	static String fileName(String messageId) {
		return messageId.replaceAll("[^A-Za-z0-9._@-]", "_") + ".eml";
	}

}
