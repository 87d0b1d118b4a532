package io.aftercare.reply.inbox;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.aftercare.mail.imap.ImapMailbox;
import io.aftercare.reply.Answers;
import io.aftercare.reply.ReplySettings;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Polls the IMAP account for answers, on db-scheduler (one instance at a time): the
 * messages whose UID is above the last one read, in batches, each handed to
 * {@link Answers}; the cursor (UIDVALIDITY and last UID) moves after each batch. A new
 * UIDVALIDITY (the folder was rebuilt and its UIDs renumbered) starts over from
 * {@code first-look-back} ago; messages read twice are recorded once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "aftercare.replies.imap", name = "enabled", havingValue = "true")
class ImapReplies {

	private static final Logger log = LoggerFactory.getLogger(ImapReplies.class);

	@Bean
	static RecurringTask<Void> readImapReplies(ObjectProvider<ImapReader> reader, ReplySettings settings) {
		return Tasks.recurring("read-imap-replies", Schedules.fixedDelay(settings.imap().pollInterval()))
			.execute((instance, context) -> reader.getObject().read());
	}

	@Bean
	ImapReader imapReader(ObjectProvider<ImapMailbox> mailbox, Answers answers, ReadCursors cursors,
			ReplySettings settings, Clock clock) {
		ImapMailbox account = mailbox.getIfAvailable();
		if (account == null) {
			throw new IllegalStateException(
					"aftercare.replies.imap.enabled=true needs an IMAP account: set aftercare.mail.imap.host");
		}
		return new ImapReader(account, answers, cursors, settings.imap(), clock);
	}

	/** One poll of the folder. */
	static class ImapReader {

		private final ImapMailbox mailbox;

		private final Answers answers;

		private final ReadCursors cursors;

		private final ReplySettings.Imap settings;

		private final Clock clock;

		ImapReader(ImapMailbox mailbox, Answers answers, ReadCursors cursors, ReplySettings.Imap settings,
				Clock clock) {
			this.mailbox = mailbox;
			this.answers = answers;
			this.cursors = cursors;
			this.settings = settings;
			this.clock = clock;
		}

		/**
		 * Reads what arrived since the last poll; a server that is away waits for the
		 * next.
		 */
		void read() {
			String name = this.mailbox.name() + "/" + this.settings.folder();
			try (Store store = this.mailbox.open()) {
				Folder folder = store.getFolder(this.settings.folder());
				folder.open(Folder.READ_ONLY);
				try {
					readFolder(name, folder, (UIDFolder) folder);
				}
				finally {
					folder.close(false);
				}
			}
			catch (MessagingException ex) {
				log.warn("Could not read answers from {}: {}", name, ex.getMessage());
			}
		}

		private void readFolder(String name, Folder folder, UIDFolder uids) throws MessagingException {
			long validity = uids.getUIDValidity();
			ReadCursors.Cursor cursor = this.cursors.find(name)
				.filter((stored) -> stored.uidValidity() == validity)
				.orElse(null);
			Message[] messages;
			// On the first poll, what is older than the look-back is passed over for
			// good.
			long floor = (cursor == null) ? Math.max(0, uids.getUIDNext() - 1) : 0;
			if (cursor == null) {
				Instant since = this.clock.instant().minus(this.settings.firstLookBack());
				messages = folder.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(since)));
			}
			else {
				messages = uids.getMessagesByUID(cursor.lastUid() + 1, UIDFolder.MAXUID);
			}
			long last = (cursor != null) ? cursor.lastUid() : 0;
			int inBatch = 0;
			for (Message message : messages) {
				long uid = uids.getUID(message);
				// "n:*" names the newest message even when its UID is below n.
				if (uid <= last) {
					continue;
				}
				this.answers.take(raw(message), name, received(message));
				last = uid;
				if (++inBatch >= this.settings.batch()) {
					this.cursors.save(name, new ReadCursors.Cursor(validity, last, null));
					inBatch = 0;
				}
			}
			this.cursors.save(name, new ReadCursors.Cursor(validity, Math.max(last, floor), null));
		}

		private Instant received(Message message) throws MessagingException {
			Date received = message.getReceivedDate();
			return (received != null) ? received.toInstant() : this.clock.instant();
		}

		private static byte[] raw(Message message) throws MessagingException {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try {
				message.writeTo(out);
			}
			catch (java.io.IOException ex) {
				throw new MessagingException("could not read a message", ex);
			}
			return out.toByteArray();
		}

	}

}
