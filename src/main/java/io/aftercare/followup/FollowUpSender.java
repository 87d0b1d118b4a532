package io.aftercare.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.aftercare.account.Csm;
import io.aftercare.customer.CustomerBook;
import io.aftercare.mail.MailTransport;
import io.aftercare.mail.MessageIds;
import io.aftercare.shared.RefusedException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends approved follow-ups, each exactly once. Sending queues the follow-up in one short
 * transaction, together with its entry in the durable send queue ({@link SendQueue}),
 * under the Message-ID of its approved wording; a second, concurrent request fails to
 * queue it again and only reports. The queue hands the email to the mail transport
 * outside any transaction, retries what the mail server defers, and records the outcome
 * ({@link SendAttempts}). A request to send now waits a few seconds
 * ({@code aftercare.followup.send-wait}) for that outcome, so that the usual answer is
 * "sent"; a slower one answers "queued".
 */
@Service
public class FollowUpSender {

	private static final Duration FIRST_LOOK = Duration.ofMillis(20);

	private static final Duration LONGEST_LOOK = Duration.ofMillis(250);

	private final FollowUpManagement management;

	private final FollowUps followUps;

	private final CustomerBook customers;

	private final FollowUpEmails emails;

	private final SendQueue queue;

	private final SendTimes times;

	private final MailTransport transport;

	private final MessageIds messageIds;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final FollowUpSettings settings;

	private final Clock clock;

	FollowUpSender(FollowUpManagement management, FollowUps followUps, CustomerBook customers, FollowUpEmails emails,
			SendQueue queue, SendTimes times, MailTransport transport, MessageIds messageIds,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, FollowUpSettings settings,
			Clock clock) {
		this.management = management;
		this.followUps = followUps;
		this.customers = customers;
		this.emails = emails;
		this.queue = queue;
		this.times = times;
		this.transport = transport;
		this.messageIds = messageIds;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		this.clock = clock;
	}

	/** Sends it now. */
	public SendAttempt send(Csm csm, FollowUpId id) {
		return send(csm, id, SendTiming.NOW);
	}

	/**
	 * Queues the follow-up if a CSM approved its current wording, to go out as
	 * {@code timing} says. Sending a follow-up that is already sent, queued or being sent
	 * sends nothing and says so.
	 * @throws RefusedException when it is not approved as it stands, its ticket was
	 * reopened, or the timing cannot be met
	 * @throws DeliveryFailedException when the mail server refused it while the request
	 * waited; it stays approved
	 */
	public SendAttempt send(Csm csm, FollowUpId id, SendTiming timing) {
		FollowUp queued;
		try {
			queued = this.transaction.execute((status) -> queue(csm, id, timing));
		}
		catch (OptimisticLockingFailureException ex) {
			// Another request queued it a moment ago: that one sends, this one reports.
			return new SendAttempt(this.management.load(csm, id), SendAttempt.Result.BEING_SENT);
		}
		if (queued == null) {
			FollowUp current = this.management.load(csm, id);
			return new SendAttempt(current, (current.status() == FollowUpStatus.SENT) ? SendAttempt.Result.ALREADY_SENT
					: SendAttempt.Result.BEING_SENT);
		}
		if (queued.sendAt().isAfter(this.clock.instant())) {
			return new SendAttempt(queued, SendAttempt.Result.SCHEDULED);
		}
		FollowUp outcome = awaitOutcome(csm, id);
		if (outcome.status() == FollowUpStatus.FAILED) {
			throw new DeliveryFailedException(id,
					outcome.deliveryDetail() + ((outcome.deliveryStatus() == DeliveryStatus.UNCONFIRMED) ? ""
							: " The follow-up is still approved; send it again once that is fixed."),
					null);
		}
		return new SendAttempt(outcome,
				(outcome.status() == FollowUpStatus.SENT) ? SendAttempt.Result.SENT : SendAttempt.Result.QUEUED);
	}

	/**
	 * Approves the wording the CSM reviewed and sends it: the chat's "Confirm and send".
	 * Of several such clicks at once exactly one queues it and says how it went; the
	 * others find it queued, being sent or sent, and send nothing.
	 * @throws RefusedException when the wording changed since {@code reviewedVersion}, or
	 * it cannot be sent
	 */
	public SendAttempt approveAndSend(Csm csm, FollowUpId id, int reviewedVersion, SendTiming timing) {
		FollowUp current = this.management.load(csm, id);
		if (current.status() == FollowUpStatus.SENT) {
			return new SendAttempt(current, SendAttempt.Result.ALREADY_SENT);
		}
		try {
			this.management.approve(csm, id, reviewedVersion);
		}
		catch (OptimisticLockingFailureException ex) {
			// Another click approved it at the same moment: the send below finds it
			// queued or queues it.
		}
		catch (RefusedException ex) {
			FollowUpStatus now = this.management.load(csm, id).status();
			if (now != FollowUpStatus.SENT && !now.isOnItsWay()) {
				throw ex;
			}
		}
		return send(csm, id, timing);
	}

	/** When this follow-up could go out, as the CSM is offered it. */
	public SendOptions options(FollowUpDetails details) {
		return this.times.options(details.followUp(), details.ticket());
	}

	/**
	 * What was sent, to announce: by {@code recordedBy}, for the CSM who owns the
	 * customer.
	 */
	FollowUpSent sent(FollowUp followUp, String recordedBy) {
		String owner = this.customers.find(Csm.AFTERCARE, followUp.customerId())
			.map((customer) -> this.customers.owner(customer, Csm.AFTERCARE).username())
			.orElse(recordedBy);
		return new FollowUpSent(followUp.id(), followUp.customerId(), followUp.ticketId(), owner, followUp.level(),
				followUp.recipient().email(), followUp.messageId(), recordedBy, followUp.sentAt());
	}

	/**
	 * Queues the follow-up with its entry in the send queue; {@code null} when it needs
	 * no sending.
	 */
	private FollowUp queue(Csm csm, FollowUpId id, SendTiming timing) {
		FollowUp followUp = this.management.load(csm, id);
		if (followUp.status() == FollowUpStatus.SENT || followUp.status().isOnItsWay()) {
			return null;
		}
		if (!this.management.ticketOf(followUp).isResolved()) {
			throw new RefusedException("ticket-reopened", "The ticket was reopened after this follow-up was written. "
					+ "Check with support, then prepare a new follow-up once it is resolved again.");
		}
		Instant now = this.clock.instant();
		Instant at = this.times.resolve(timing, followUp);
		String entry = this.queue.newEntry(id);
		followUp.queue(this.messageIds.forFollowUp(id.value(), followUp.contentVersion()), this.transport.channel(),
				entry, at, csm.username(), now);
		// Refuses now, not in the queue, when the email would have no sender.
		this.emails.sender(followUp);
		this.followUps.update(followUp, now);
		this.queue.add(entry, id, at, now);
		this.events.publishEvent(new FollowUpSendStarted(id, followUp.customerId(), followUp.messageId(),
				followUp.sendChannel(), followUp.contentVersion(), followUp.approvedBy(), csm.username(), now, at));
		return followUp;
	}

	/**
	 * The follow-up once its first attempt has an outcome (sent, failed, or deferred for
	 * a retry), or as it is when {@code send-wait} ran out.
	 */
	private FollowUp awaitOutcome(Csm csm, FollowUpId id) {
		Instant deadline = this.clock.instant().plus(this.settings.sendWait());
		Duration look = FIRST_LOOK;
		while (true) {
			FollowUp current = this.management.load(csm, id);
			boolean attempted = current.sendAttempts() > 0 && current.deliveryStatus() != DeliveryStatus.SENDING;
			if (!current.status().isOnItsWay() || attempted || !this.clock.instant().isBefore(deadline)) {
				return current;
			}
			try {
				Thread.sleep(look.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return current;
			}
			look = (look.compareTo(LONGEST_LOOK) < 0) ? look.multipliedBy(2) : LONGEST_LOOK;
		}
	}

}
