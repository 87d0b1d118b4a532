package io.aftercare.followup;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable send queue: every queued follow-up has an entry of its own in
 * db-scheduler's table ({@value #TASK}), written in the transaction that queues it, so
 * the queue and the follow-ups never disagree. One instance at a time runs an entry,
 * under a heartbeat; an entry whose instance died is run again once its heartbeat is
 * missed ({@code db-scheduler.heartbeat-interval} times {@code missed-heartbeats-limit}),
 * and {@link SendAttempts} looks into the sent mail before it sends again.
 */
@Component
@EnableConfigurationProperties(FollowUpSettings.class)
class SendQueue {

	static final String TASK = "send-followup";

	private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

	private final ObjectProvider<Scheduler> scheduler;

	private final FollowUps followUps;

	private final TransactionTemplate transaction;

	private final SecureRandom random = new SecureRandom();

	private final java.time.Clock clock;

	SendQueue(ObjectProvider<Scheduler> scheduler, FollowUps followUps, PlatformTransactionManager transactions,
			java.time.Clock clock) {
		this.scheduler = scheduler;
		this.clock = clock;
		this.followUps = followUps;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The queue's entries. An entry that fails unexpectedly (a bug, the database away)
	 * runs again a minute later; the follow-up says how far it got.
	 */
	@Bean
	static Task<SendOrder> sendFollowUpTask(ObjectProvider<SendAttempts> attempts) {
		return Tasks.custom(TASK, SendOrder.class)
			.onDeadExecutionRevive()
			.onFailure((complete, operations) -> operations.reschedule(complete, Instant.now().plusSeconds(60)))
			.execute((instance, context) -> attempts.getObject().run(instance));
	}

	/** Hands strays to the queue every {@code queue-upkeep-every}, on one instance. */
	@Bean
	static RecurringTask<Void> sendQueueUpkeep(ObjectProvider<SendQueue> queue, FollowUpSettings settings) {
		return Tasks.recurring("send-queue-upkeep", Schedules.fixedDelay(settings.queueUpkeepEvery()))
			.execute((instance, context) -> queue.getObject().adoptStrays());
	}

	/** A name for a new entry of the follow-up, never used before. */
	String newEntry(FollowUpId id) {
		byte[] bytes = new byte[6];
		this.random.nextBytes(bytes);
		return id.value() + "-" + HexFormat.of().formatHex(bytes);
	}

	/**
	 * Adds the entry, due at {@code at}, in the caller's transaction; once it commits, an
	 * entry due now is looked for at once instead of at the next poll.
	 */
	void add(String entry, FollowUpId id, Instant at, Instant now) {
		this.scheduler.getObject().schedule(new TaskInstance<>(TASK, entry, new SendOrder(id.value())), at);
		if (!at.isAfter(now) && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					SendQueue.this.scheduler.getObject().triggerCheckForDueExecutions();
				}
			});
		}
	}

	/** The completion of an entry that is done: it leaves the queue. */
	static CompletionHandler<SendOrder> done() {
		return new CompletionHandler.OnCompleteRemove<>();
	}

	/** The completion of an entry that runs again at {@code at}. */
	static CompletionHandler<SendOrder> again(Instant at) {
		return (complete, operations) -> operations.reschedule(complete, at);
	}

	/**
	 * Follow-ups queued or being sent whose entry is not in the queue (sent from before
	 * the queue existed, or an entry removed by hand) get a new entry, due now, which
	 * settles them like any interrupted send.
	 */
	void adoptStrays() {
		for (Map.Entry<FollowUpId, String> onItsWay : this.followUps.onTheirWay().entrySet()) {
			String entry = onItsWay.getValue();
			if (entry != null
					&& this.scheduler.getObject().getScheduledExecution(TaskInstanceId.of(TASK, entry)).isPresent()) {
				continue;
			}
			try {
				this.transaction.executeWithoutResult((status) -> adopt(onItsWay.getKey(), entry));
			}
			catch (OptimisticLockingFailureException ex) {
				// It moved on meanwhile.
			}
		}
	}

	private void adopt(FollowUpId id, String lostEntry) {
		FollowUp followUp = this.followUps.find(id).orElseThrow();
		if (!followUp.status().isOnItsWay() || !java.util.Objects.equals(followUp.sendTask(), lostEntry)) {
			return;
		}
		Instant now = this.clock.instant();
		String entry = newEntry(id);
		followUp.entrust(entry);
		this.followUps.update(followUp, now);
		add(entry, id, now, now);
		log.warn("Follow-up {} was {} without an entry in the send queue; queued as {}", id.value(), followUp.status(),
				entry);
	}

}
