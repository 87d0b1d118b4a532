package io.aftercare.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import io.aftercare.account.Csm;
import io.aftercare.mail.DeliveryCheck;
import io.aftercare.mail.Handover;
import io.aftercare.mail.MailDeliveryException;
import io.aftercare.mail.MailTransport;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one entry of the send queue: one attempt to get a follow-up's email out, never
 * inside a database transaction while the mail server is talked to.
 * <ol>
 * <li>A follow-up found "being sent" had an attempt that was cut off (its instance died,
 * or the connection broke after the message left): the transport looks into the sender's
 * sent mail for the Message-ID first. Found: recorded as sent, not sent again. Not found:
 * sent. Cannot tell: it waits for the CSM, approved, with a note of what to check.</li>
 * <li>The attempt is recorded as begun ({@code SENDING}), the transport hands the email
 * over, and the outcome is recorded: sent (announced as {@link FollowUpSent}); deferred
 * or out of reach, tried again later with backoff and jitter; refused, failed with the
 * server's answer and the approval kept.</li>
 * </ol>
 * This is the one place where a send is settled, interrupted or not.
 */
@Component
class SendAttempts {

	private static final Logger log = LoggerFactory.getLogger(SendAttempts.class);

	private final FollowUps followUps;

	private final FollowUpEmails emails;

	private final MailTransport transport;

	private final FollowUpSender sender;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final FollowUpSettings settings;

	private final Clock clock;

	SendAttempts(FollowUps followUps, FollowUpEmails emails, MailTransport transport, FollowUpSender sender,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, FollowUpSettings settings,
			Clock clock) {
		this.followUps = followUps;
		this.emails = emails;
		this.transport = transport;
		this.sender = sender;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		this.clock = clock;
	}

	CompletionHandler<SendOrder> run(TaskInstance<SendOrder> entry) {
		FollowUpId id = new FollowUpId(entry.getData().followUpId());
		Optional<FollowUp> owned = this.followUps.find(id).filter((f) -> owns(f, entry.getId()));
		if (owned.isEmpty()) {
			// Sent, edited, discarded or queued again since: nothing for this entry.
			return SendQueue.done();
		}
		FollowUp followUp = owned.get();
		OutgoingEmail email;
		try {
			email = this.emails.of(followUp);
		}
		catch (RefusedException ex) {
			record(id, entry.getId(), (f) -> fail(f, ex.getMessage()));
			return SendQueue.done();
		}
		if (followUp.status() == FollowUpStatus.SENDING) {
			Optional<CompletionHandler<SendOrder>> settled = settleEarlierAttempt(followUp, email, entry.getId());
			if (settled.isPresent()) {
				return settled.get();
			}
		}
		try {
			record(id, entry.getId(), FollowUp::attemptStarted);
		}
		catch (OptimisticLockingFailureException | IllegalStateException ex) {
			// Changed meanwhile (an edit took it off the queue): the follow-up decides.
			return SendQueue.done();
		}
		Handover handover;
		try {
			handover = this.transport.deliver(email);
		}
		catch (MailDeliveryException ex) {
			return afterFailure(id, entry.getId(), ex.kind(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Sending follow-up {} failed unexpectedly", id.value(), ex);
			return afterFailure(id, entry.getId(), MailDeliveryException.Kind.UNCERTAIN,
					"The email could not be handed over: " + ex);
		}
		recordSent(id, email.messageId(), handover);
		return SendQueue.done();
	}

	/**
	 * The earlier attempt may have handed the email over: the transport looks. Empty when
	 * it certainly did not, and this attempt may send.
	 */
	private Optional<CompletionHandler<SendOrder>> settleEarlierAttempt(FollowUp followUp, OutgoingEmail email,
			String entry) {
		FollowUpId id = followUp.id();
		DeliveryCheck check;
		try {
			check = this.transport.channel().equals(followUp.sendChannel()) ? this.transport.check(email)
					: DeliveryCheck.UNKNOWN;
		}
		catch (MailDeliveryException ex) {
			if (followUp.sendAttempts() + 1 >= this.settings.sendAttempts()) {
				record(id, entry, (f) -> f.unconfirmed(unconfirmedNote(f, ex.getMessage())));
				return Optional.of(SendQueue.done());
			}
			Instant next = next(followUp.sendAttempts() + 1);
			record(id, entry, (f) -> {
				f.checkFailed();
				f.retryLater(ex.getMessage() + ". Aftercare looks again before sending.", next, true);
			});
			return Optional.of(SendQueue.again(next));
		}
		log.warn("Follow-up {}: an earlier attempt was cut off; the transport says {}", id.value(), check);
		return switch (check) {
			case DELIVERED -> {
				recordSent(id, email.messageId(),
						Handover.of("Found in the sent mail after an attempt that was cut off; not sent again"));
				yield Optional.of(SendQueue.done());
			}
			case UNKNOWN -> {
				record(id, entry, (f) -> f.unconfirmed(unconfirmedNote(f, null)));
				yield Optional.of(SendQueue.done());
			}
			case NOT_DELIVERED -> Optional.empty();
		};
	}

	private static String unconfirmedNote(FollowUp f, String reason) {
		return "Sending was interrupted and Aftercare cannot tell whether the email went out"
				+ ((reason != null) ? " (" + reason + ")" : "") + ". Check with the recipient or in the Sent folder "
				+ "(Message-ID " + f.messageId() + ") before sending again; it is still approved.";
	}

	private CompletionHandler<SendOrder> afterFailure(FollowUpId id, String entry, MailDeliveryException.Kind kind,
			String reason) {
		if (kind == MailDeliveryException.Kind.PERMANENT) {
			record(id, entry, (f) -> fail(f, reason));
			return SendQueue.done();
		}
		boolean checkFirst = kind == MailDeliveryException.Kind.UNCERTAIN;
		FollowUp current = this.followUps.find(id).orElseThrow();
		if (current.sendAttempts() >= this.settings.sendAttempts()) {
			record(id, entry, (f) -> {
				if (checkFirst) {
					f.unconfirmed(unconfirmedNote(f, reason));
				}
				else {
					fail(f, "Gave up after " + f.sendAttempts() + " attempts. The last answer: " + reason);
				}
			});
			return SendQueue.done();
		}
		Instant next = next(current.sendAttempts());
		record(id, entry, (f) -> f.retryLater(reason, next, checkFirst));
		log.info("Follow-up {}: attempt {} did not get through ({}); next at {}", id.value(), current.sendAttempts(),
				reason, next);
		return SendQueue.again(next);
	}

	private Instant next(int attempts) {
		return this.clock.instant().plus(this.settings.retryDelay(attempts, ThreadLocalRandom.current().nextDouble()));
	}

	private void fail(FollowUp followUp, String reason) {
		followUp.failed(reason);
		this.events.publishEvent(new FollowUpSendFailed(followUp.id(), followUp.customerId(), reason, false,
				Csm.AFTERCARE.username(), this.clock.instant()));
	}

	/**
	 * Records what happened to the follow-up this entry owns, in a transaction of its
	 * own; announced events are published in it.
	 */
	private void record(FollowUpId id, String entry, Consumer<FollowUp> change) {
		this.transaction.executeWithoutResult((status) -> {
			FollowUp followUp = this.followUps.find(id).filter((f) -> owns(f, entry)).orElse(null);
			if (followUp == null) {
				throw new OptimisticLockingFailureException("follow-up " + id.value() + " left entry " + entry);
			}
			boolean failedBefore = followUp.status() == FollowUpStatus.FAILED;
			change.accept(followUp);
			this.followUps.update(followUp, this.clock.instant());
			if (followUp.status() == FollowUpStatus.FAILED && !failedBefore
					&& followUp.deliveryStatus() == DeliveryStatus.UNCONFIRMED) {
				this.events.publishEvent(new FollowUpSendFailed(id, followUp.customerId(), followUp.deliveryDetail(),
						true, Csm.AFTERCARE.username(), this.clock.instant()));
			}
		});
	}

	/**
	 * Records the email as sent and announces it. Settles whatever the follow-up became
	 * meanwhile (unconfirmed, or queued again by the CSM): the email did go out.
	 */
	private void recordSent(FollowUpId id, String messageId, Handover handover) {
		for (int tries = 0; tries < 3; tries++) {
			try {
				this.transaction.executeWithoutResult((status) -> {
					FollowUp followUp = this.followUps.find(id).orElseThrow();
					Instant now = this.clock.instant();
					if (followUp.status() == FollowUpStatus.SENT) {
						return;
					}
					if (!followUp.sent(messageId, now, handover.serverReply(), handover.providerMessageId(),
							handover.providerThreadId())) {
						log.warn("Follow-up {}: email {} went out, but the follow-up moved on to {} meanwhile",
								id.value(), messageId, followUp.status());
						return;
					}
					this.followUps.update(followUp, now);
					this.events.publishEvent(this.sender.sent(followUp, (followUp.sendRequestedBy() != null)
							? followUp.sendRequestedBy() : Csm.AFTERCARE.username()));
				});
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// Changed between reading and writing: read it again.
			}
		}
		throw new IllegalStateException("follow-up " + id.value() + " went out but could not be recorded as sent");
	}

	private static boolean owns(FollowUp followUp, String entry) {
		return followUp.status().isOnItsWay() && entry.equals(followUp.sendTask());
	}

}
