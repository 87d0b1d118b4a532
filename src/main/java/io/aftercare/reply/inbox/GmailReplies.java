package io.aftercare.reply.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.aftercare.account.CsmDirectory;
import io.aftercare.mail.gmail.GmailClient;
import io.aftercare.mail.gmail.GmailException;
import io.aftercare.reply.Answers;
import io.aftercare.reply.ReplySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads answers through the Gmail API, on db-scheduler (one instance at a time): for each
 * mailbox, {@code users.history.list} since the last seen history id (messages added to
 * the inbox), each new message fetched with {@code users.messages.get?format=raw} and
 * handed to {@link Answers}; the history id moves after its page was recorded. A mailbox
 * read for the first time starts at its current history id ({@code users.getProfile}); a
 * history id Gmail no longer keeps (404) starts over there too. A 429 or 5xx stops the
 * mailbox's run where it is; the next run goes on from the stored id.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "aftercare.replies.gmail", name = "enabled", havingValue = "true")
class GmailReplies {

	private static final Logger log = LoggerFactory.getLogger(GmailReplies.class);

	@Bean
	static RecurringTask<Void> readGmailReplies(ObjectProvider<GmailReader> reader, ReplySettings settings) {
		return Tasks.recurring("read-gmail-replies", Schedules.fixedDelay(settings.gmail().pollInterval()))
			.execute((instance, context) -> reader.getObject().read());
	}

	@Bean
	GmailReader gmailReader(ObjectProvider<GmailClient> gmail, Answers answers, ReadCursors cursors,
			ReplySettings settings, CsmDirectory csms, Clock clock) {
		GmailClient client = gmail.getIfAvailable();
		if (client == null) {
			throw new IllegalStateException("aftercare.replies.gmail.enabled=true needs the Gmail API: "
					+ "set aftercare.mail.gmail.credentials-file");
		}
		return new GmailReader(client, answers, cursors, settings.gmail(), csms, clock);
	}

	/** One pass over the mailboxes. */
	static class GmailReader {

		private final GmailClient gmail;

		private final Answers answers;

		private final ReadCursors cursors;

		private final ReplySettings.Gmail settings;

		private final CsmDirectory csms;

		private final Clock clock;

		GmailReader(GmailClient gmail, Answers answers, ReadCursors cursors, ReplySettings.Gmail settings,
				CsmDirectory csms, Clock clock) {
			this.gmail = gmail;
			this.answers = answers;
			this.cursors = cursors;
			this.settings = settings;
			this.csms = csms;
			this.clock = clock;
		}

		void read() {
			for (String mailbox : mailboxes()) {
				try {
					read(mailbox);
				}
				catch (GmailException ex) {
					log.warn("Could not read answers from the Gmail mailbox {}: {}", mailbox, ex.getMessage());
				}
			}
		}

		/** The configured mailboxes, else every CSM's address. */
		List<String> mailboxes() {
			if (!this.settings.mailboxes().isEmpty()) {
				return this.settings.mailboxes();
			}
			Set<String> addresses = new LinkedHashSet<>(this.csms.emails());
			return new ArrayList<>(addresses);
		}

		void read(String mailbox) {
			String name = "gmail:" + mailbox;
			ReadCursors.Cursor cursor = this.cursors.find(name).orElse(null);
			if (cursor == null || cursor.historyId() == null) {
				this.cursors.save(name, new ReadCursors.Cursor(0, 0, this.gmail.currentHistoryId(mailbox)));
				return;
			}
			String start = cursor.historyId();
			String pageToken = null;
			do {
				GmailClient.HistoryPage page;
				try {
					page = this.gmail.history(mailbox, start, pageToken);
				}
				catch (GmailException ex) {
					if (ex.status() == 404) {
						log.warn("Gmail no longer lists {} from history id {}; reading on from now", mailbox, start);
						this.cursors.save(name, new ReadCursors.Cursor(0, 0, this.gmail.currentHistoryId(mailbox)));
						return;
					}
					throw ex;
				}
				for (String id : new LinkedHashSet<>(page.addedMessageIds())) {
					this.answers.take(this.gmail.raw(mailbox, id), name, this.clock.instant());
				}
				pageToken = page.nextPageToken();
				if (pageToken == null && page.historyId() != null) {
					this.cursors.save(name, new ReadCursors.Cursor(0, 0, page.historyId()));
				}
			}
			while (pageToken != null);
		}

	}

}
