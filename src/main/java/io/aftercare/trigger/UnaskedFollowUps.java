package io.aftercare.trigger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.aftercare.customer.CustomerId;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * When a customer's delay is over, drafts one follow-up on the tickets noted for them,
 * unless they heard from their CSM within the quiet period, or the desk's own survey just
 * reached the same person. Runs as a db-scheduler task: on one instance, after a restart
 * too.
 */
@Component
class UnaskedFollowUps {

	static final String TASK = "unasked-followup";

	private static final Logger log = LoggerFactory.getLogger(UnaskedFollowUps.class);

	private final TriggerCandidates candidates;

	private final FollowUpManagement followUps;

	private final SupportDesk desk;

	private final TriggerSettings settings;

	private final Clock clock;

	UnaskedFollowUps(TriggerCandidates candidates, FollowUpManagement followUps, SupportDesk desk,
			TriggerSettings settings, Clock clock) {
		this.candidates = candidates;
		this.followUps = followUps;
		this.desk = desk;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A ticket noted while its customer's run is under way cannot schedule a run of its
	 * own (this one still stands), so the run, once done, stands again for it.
	 */
	@Bean
	static CustomTask<Void> unaskedFollowUpTask(ObjectProvider<UnaskedFollowUps> drafts) {
		return Tasks.custom(TASK, Void.class)
			.execute((instance, context) -> drafts.getObject()
				.draftFor(new CustomerId(Long.parseLong(instance.getId())))
				.<CompletionHandler<Void>>map((next) -> (complete, operations) -> operations.reschedule(complete, next))
				.orElseGet(CompletionHandler.OnCompleteRemove::new));
	}

	/**
	 * A ticket noted while its customer's run was finishing may find that run still
	 * standing when it asks for one, and be seen by it no more: the sweep gives such a
	 * customer a run of their own. Tickets waiting less than the delay are left to the
	 * run they scheduled.
	 */
	@Bean
	static RecurringTask<Void> unaskedFollowUpSweep(ObjectProvider<UnaskedFollowUps> drafts, TriggerSettings settings) {
		return Tasks.recurring(TASK + "-sweep", Schedules.fixedDelay(settings.sweepEvery()))
			.execute((instance, context) -> drafts.getObject().sweep(context.getSchedulerClient()));
	}

	/**
	 * The customer's run: one per customer, so that a waiting run gathers their tickets.
	 */
	static TaskInstance<Void> runFor(CustomerId customer) {
		return new TaskInstance<>(TASK, String.valueOf(customer.value()));
	}

	void sweep(SchedulerClient scheduler) {
		Instant now = this.clock.instant();
		for (CustomerId customer : this.candidates.waitingSince(now.minus(this.settings.delay()))) {
			if (scheduler.scheduleIfNotExists(runFor(customer), now)) {
				log.info("Tickets of customer {} waited past their delay with no draft due: drafting now",
						customer.value());
			}
		}
	}

	/**
	 * Drafts the customer's follow-up on the tickets noted for them, and forgets those.
	 * @return when to run again, if tickets were noted meanwhile
	 */
	Optional<Instant> draftFor(CustomerId customer) {
		List<TriggerCandidates.Candidate> waiting = this.candidates.of(customer);
		if (waiting.isEmpty()) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		if (this.followUps.lastSentTo(customer)
			.filter((sent) -> sent.isAfter(now.minus(this.settings.quietPeriod())))
			.isPresent()) {
			log.info("No unasked follow-up for customer {}: they heard from their CSM lately", customer.value());
		}
		else {
			List<TriggerCandidates.Candidate> due = waiting.stream().filter((c) -> !justSurveyed(c, now)).toList();
			if (due.isEmpty()) {
				log.info("No unasked follow-up for customer {}: the desk's survey just reached them", customer.value());
			}
			else {
				this.followUps.draftUnasked(customer, due.stream().map(TriggerCandidates.Candidate::ticketId).toList(),
						due.stream().map(TriggerCandidates.Candidate::reason).toList());
			}
		}
		this.candidates.forget(waiting);
		// The next run waits out the delay of the first ticket noted meanwhile.
		return this.candidates.of(customer)
			.stream()
			.map((noted) -> noted.noticedAt().plus(this.settings.delay()))
			.min(Instant::compareTo)
			.map((next) -> next.isBefore(now) ? now : next);
	}

	/**
	 * The desk surveyed the ticket's requester lately, and the survey was no cry for
	 * help.
	 */
	private boolean justSurveyed(TriggerCandidates.Candidate candidate, Instant now) {
		return candidate.surveyApplies() && this.desk.find(candidate.customerId(), candidate.ticketId())
			.map(Ticket::requester)
			.filter((requester) -> this.desk.surveyedSince(requester, now.minus(this.settings.surveyGrace())))
			.isPresent();
	}

}
