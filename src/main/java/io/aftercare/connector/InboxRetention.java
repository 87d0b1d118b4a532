package io.aftercare.connector;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Keeps the webhook inbox from growing for ever: every payload is stored (about a
 * kilobyte each), so a million webhooks would be a gigabyte kept for nothing. Each hour,
 * on one instance at a time, the webhooks done with for longer than {@code inbox-keep}
 * are deleted.
 */
@Component
class InboxRetention {

	private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

	/** Rows read and deleted a statement: a short lock on the receiving table. */
	static final int CHUNK = 1000;

	private final WebhookInbox inbox;

	private final ConnectorSettings settings;

	private final Clock clock;

	InboxRetention(WebhookInbox inbox, ConnectorSettings settings, Clock clock) {
		this.inbox = inbox;
		this.settings = settings;
		this.clock = clock;
	}

	@Bean
	static RecurringTask<Void> webhookInboxRetentionTask(ObjectProvider<InboxRetention> retention) {
		return Tasks.recurring("webhook-inbox-retention", Schedules.fixedDelay(Duration.ofHours(1)))
			.execute((instance, context) -> retention.getObject().forgetOld());
	}

	/** Deletes the webhooks past their keep, and says how many. */
	int forgetOld() {
		int deleted = this.inbox.forgetFinished(this.clock.instant().minus(this.settings.inboxKeep()), CHUNK);
		if (deleted > 0) {
			log.info("Deleted {} webhooks done with more than {} days ago", deleted,
					this.settings.inboxKeep().toDays());
		}
		return deleted;
	}

}
