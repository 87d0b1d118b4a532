package io.aftercare.trigger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.aftercare.account.Csm;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerId;
import io.aftercare.customer.CustomerSignals;
import io.aftercare.customer.RiskSignal;
import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketAnnouncement;
import io.aftercare.ticket.TicketId;
import io.aftercare.ticket.TicketRated;
import io.aftercare.ticket.TicketReopened;
import io.aftercare.ticket.TicketResolved;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hears what happens to tickets and notes the ones that call for an unasked follow-up: a
 * fresh resolution a rule picks out, a bad rating. The customer's draft is then due after
 * the delay; a ticket reopened meanwhile is forgotten until it is resolved again.
 * Backfilled history and stale resolutions call for nothing.
 */
@Component
@EnableConfigurationProperties(TriggerSettings.class)
class TicketSignals {

	private final TriggerSettings settings;

	private final TriggerRules rules;

	private final TriggerCandidates candidates;

	private final CustomerBook customers;

	private final CustomerSignals signals;

	private final SupportDesk desk;

	private final SchedulerClient scheduler;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	TicketSignals(TriggerSettings settings, TriggerCandidates candidates, CustomerBook customers,
			CustomerSignals signals, SupportDesk desk, SchedulerClient scheduler, Clock clock,
			PlatformTransactionManager transactions) {
		this.signals = signals;
		this.settings = settings;
		this.rules = new TriggerRules(settings);
		this.candidates = candidates;
		this.customers = customers;
		this.desk = desk;
		this.scheduler = scheduler;
		this.clock = clock;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@ApplicationModuleListener(condition = TicketAnnouncement.NEWS_ONLY)
	void on(TicketResolved resolved) {
		Instant now = this.clock.instant();
		if (!this.settings.enabled() || resolved.resolvedAt().isBefore(now.minus(this.settings.freshness()))) {
			return;
		}
		Optional<Customer> customer = this.customers.find(Csm.AFTERCARE, resolved.customerId());
		Optional<Ticket> ticket = this.desk.find(resolved.customerId(), resolved.ticketId());
		if (customer.isEmpty() || ticket.isEmpty() || !ticket.get().isResolved()) {
			return;
		}
		int inWindow = this.desk.countResolvedBetween(resolved.customerId(),
				resolved.resolvedAt().minus(this.settings.repeat().window()), resolved.resolvedAt(),
				TriggerRules.COUNTED_AT_MOST);
		List<String> reasons = this.rules.reasons(new TriggerRules.Resolution(resolved.ticketNumber(),
				resolved.priority(), ticket.get().openedAt(), resolved.resolvedAt(), customer.get().atRisk(),
				this.signals.openRisk(resolved.customerId(), now).map(RiskSignal::detail).orElse(null), inWindow));
		if (!reasons.isEmpty()) {
			note(resolved.customerId(), resolved.ticketId(), reasons, true,
					resolved.resolvedAt().plus(this.settings.delay()), now);
		}
	}

	/**
	 * A bad answer to the desk's survey: the customer said so; reach out without waiting.
	 */
	@ApplicationModuleListener(condition = TicketAnnouncement.NEWS_ONLY)
	void on(TicketRated rated) {
		if (!this.settings.enabled() || !rated.rating().isBad()) {
			return;
		}
		boolean resolved = this.desk.find(rated.customerId(), rated.ticketId()).map(Ticket::isResolved).orElse(false);
		List<String> reasons = this.rules.reasonsForBadRating(rated.ticketNumber());
		if (resolved && !reasons.isEmpty()) {
			Instant now = this.clock.instant();
			note(rated.customerId(), rated.ticketId(), reasons, false, now, now);
		}
	}

	@ApplicationModuleListener(condition = TicketAnnouncement.NEWS_ONLY)
	void on(TicketReopened reopened) {
		this.candidates.forget(reopened.ticketId());
	}

	private void note(CustomerId customer, TicketId ticket, List<String> reasons, boolean surveyApplies, Instant due,
			Instant now) {
		this.candidates
			.note(new TriggerCandidates.Candidate(customer, ticket, String.join("; ", reasons), surveyApplies, now));
		// One draft per customer: tickets noted while it waits go into the same email.
		TaskInstance<Void> run = UnaskedFollowUps.runFor(customer);
		try {
			// Two resolutions of one customer heard at once both schedule the run. The
			// loser's insert fails, which on PostgreSQL would abort this whole
			// transaction: so it is tried in a savepoint.
			this.savepoint.executeWithoutResult(
					(status) -> this.scheduler.scheduleIfNotExists(run, due.isBefore(now) ? now : due));
		}
		catch (RuntimeException ex) {
			if (this.scheduler.getScheduledExecution(run).isEmpty()) {
				throw ex;
			}
		}
	}

}
