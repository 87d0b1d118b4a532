package io.aftercare.connector;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Processes the webhook inbox: reads each stored event into tickets through its
 * {@link WebhookSource} and hands them to the {@link DeskFeed}, oldest first. The durable
 * worker is a db-scheduler task that runs every {@code inbox-every} on one instance at a
 * time and picks up whatever is left (after a crash, or from an instance that stopped);
 * on top, each instance wakes its own worker as soon as it stored a webhook, so a
 * resolution reaches the rest of the system within a moment. Both take webhooks by claim,
 * so none is processed by two at once; processing one twice (a worker that died after its
 * work) is harmless, as every upsert is. An instance started with
 * {@code aftercare.connectors.inbox-worker=false} only receives: it neither wakes a
 * worker nor takes part in the durable task, which the other instances run.
 */
@Component
@EnableConfigurationProperties(ConnectorSettings.class)
public class InboxWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

	private final WebhookInbox inbox;

	private final DeskFeed feed;

	private final KnownTickets known;

	private final Map<String, WebhookSource> sources;

	private final ConnectorSettings settings;

	private final ExecutorService local = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "webhook-inbox");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	/**
	 * One worker at a time on this instance: two batches touching the same ticket at once
	 * would only wait on each other's row locks, or deadlock.
	 */
	private final java.util.concurrent.locks.ReentrantLock working = new java.util.concurrent.locks.ReentrantLock();

	InboxWorker(WebhookInbox inbox, DeskFeed feed, KnownTickets known, List<WebhookSource> sources,
			ConnectorSettings settings) {
		this.inbox = inbox;
		this.feed = feed;
		this.known = known;
		this.sources = sources.stream().collect(Collectors.toMap(WebhookSource::name, Function.identity()));
		this.settings = settings;
		if (!settings.inboxWorker()) {
			log.info("This instance only receives webhooks (aftercare.connectors.inbox-worker=false): "
					+ "instances with inbox-worker=true process them");
		}
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "aftercare.connectors.inbox-worker", matchIfMissing = true)
	static RecurringTask<Void> webhookInboxTask(ObjectProvider<InboxWorker> worker, ConnectorSettings settings) {
		return Tasks.recurring("webhook-inbox", Schedules.fixedDelay(settings.inboxEvery()))
			.execute((instance, context) -> worker.getObject().drainAndRelease());
	}

	/**
	 * On an instance that only receives, the inbox task is one its scheduler does not
	 * know, and db-scheduler deletes the executions of a task unknown for
	 * {@code db-scheduler.delete-unresolved-after} (14 days by default): the workers'
	 * task would be gone after two weeks of uptime. Such an instance never deletes them,
	 * unless that setting was given; instances that know no such task (one a newer
	 * version removed) still do.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "aftercare.connectors.inbox-worker", havingValue = false)
	static BeanPostProcessor receiverKeepsTheWorkersTask() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DbSchedulerProperties scheduler && scheduler.getDeleteUnresolvedAfter()
					.equals(SchedulerBuilder.DEFAULT_DELETION_OF_UNRESOLVED_TASKS_DURATION)) {
					// A century: db-scheduler compares in milliseconds, which forever
					// would overflow.
					scheduler.setDeleteUnresolvedAfter(Duration.ofDays(36_500));
				}
				return bean;
			}
		};
	}

	/** Asks this instance's worker to look at the inbox now. */
	public void wakeUp() {
		if (this.settings.inboxWorker() && this.wakeUpPending.compareAndSet(false, true)) {
			try {
				this.local.execute(() -> {
					this.wakeUpPending.set(false);
					safely(this::drain);
				});
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// Shutting down: the durable worker takes over.
				this.wakeUpPending.set(false);
			}
		}
	}

	/**
	 * Puts webhooks set aside as failed back in line, their attempts counted afresh, and
	 * wakes this instance's worker for them.
	 * @param ids the failed webhooks to try again; empty for all of them
	 * @param admin who asked, for the log
	 * @return how many were put back
	 */
	public int retryFailed(List<Long> ids, String admin) {
		int retried = this.inbox.retryFailed(ids);
		if (retried > 0) {
			log.info("{} put {} failed webhooks back in line", admin, retried);
			wakeUp();
		}
		return retried;
	}

	void drainAndRelease() {
		safely(this::drain);
		safely(() -> {
			FeedReport released = this.feed.releaseMapped();
			if (released.received() > 0) {
				log.info("Released {} held desk tickets of mapped accounts: {} stored, {} rejected",
						released.received(), released.stored(), released.rejected());
			}
		});
	}

	private void safely(Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment: what was taken
			// is taken again once its lease runs out.
			log.warn("Webhook inbox worker stopped: {}", ex.getMessage());
		}
	}

	/** Processes what is waiting, batch after batch, until the inbox is empty. */
	public int drain() {
		this.working.lock();
		try {
			int processed = 0;
			List<WebhookInbox.Event> batch;
			do {
				batch = this.inbox.claim(this.settings.inboxBatch(), this.settings.inboxLease());
				processed += process(batch);
			}
			while (batch.size() == this.settings.inboxBatch());
			return processed;
		}
		finally {
			this.working.unlock();
		}
	}

	private int process(List<WebhookInbox.Event> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		Map<WebhookInbox.Event, List<ToldTicket>> read = new LinkedHashMap<>();
		for (WebhookInbox.Event event : batch) {
			WebhookSource source = this.sources.get(event.source());
			if (source == null) {
				this.inbox.failed(event.id(), "no connector for source " + event.source());
				continue;
			}
			try {
				read.put(event, source.read(event.payload()));
			}
			catch (IllegalArgumentException | WebhookRefused ex) {
				log.warn("Webhook {} of {} could not be read: {}", event.eventId(), event.source(), ex.getMessage());
				this.inbox.failed(event.id(), ex.getMessage());
			}
			catch (RuntimeException ex) {
				// The vendor's API was away: taken again later, up to
				// the attempts allowed.
				retryOrGiveUp(event, ex);
			}
		}
		try {
			deliver(read);
			return read.size();
		}
		catch (RuntimeException ex) {
			if (read.size() == 1) {
				retryOrGiveUp(read.keySet().iterator().next(), ex);
				return 0;
			}
			// The database refused the batch as a whole: it went away, another
			// instance's worker held the same tickets, or one webhook can never be
			// stored. Each is tried alone, so that one cannot hold up the others.
			log.warn("A batch of {} webhooks failed as a whole, each is tried alone: {}", read.size(), ex.getMessage());
			int processed = 0;
			for (Map.Entry<WebhookInbox.Event, List<ToldTicket>> one : read.entrySet()) {
				try {
					deliver(Map.of(one.getKey(), one.getValue()));
					processed++;
				}
				catch (RuntimeException alone) {
					retryOrGiveUp(one.getKey(), alone);
				}
			}
			return processed;
		}
	}

	private void deliver(Map<WebhookInbox.Event, List<ToldTicket>> read) {
		List<ToldTicket> told = read.values().stream().flatMap(List::stream).toList();
		FeedReport report = this.feed.deliver(this.known.complete(told), false);
		List<Long> ids = read.keySet().stream().map(WebhookInbox.Event::id).toList();
		this.inbox.processed(ids, summary(report));
		if (!ids.isEmpty()) {
			log.info("Processed {} webhooks: {} tickets, {} stored, {} held, {} rejected", ids.size(),
					report.received(), report.stored(), report.held(), report.rejected());
		}
	}

	/** Taken again later, up to the attempts allowed; then set aside as failed. */
	private void retryOrGiveUp(WebhookInbox.Event event, RuntimeException ex) {
		if (event.attempts() >= this.settings.inboxAttempts()) {
			log.warn("Webhook {} of {} failed after {} attempts: {}", event.eventId(), event.source(), event.attempts(),
					ex.getMessage());
			this.inbox.failed(event.id(), "gave up after " + event.attempts() + " attempts: " + ex.getMessage());
		}
		else {
			this.inbox.retryLater(event.id(), Duration.ofSeconds(30L * event.attempts()));
		}
	}

	private static String summary(FeedReport report) {
		return "tickets " + report.received() + ": created " + report.created() + ", updated " + report.updated()
				+ ", unchanged " + report.unchanged() + ", held " + report.held() + ", rejected " + report.rejected()
				+ (report.rejections().isEmpty() ? "" : " (" + String.join("; ", report.rejections()) + ")");
	}

	@Override
	public void destroy() {
		this.local.shutdownNow();
	}

}
