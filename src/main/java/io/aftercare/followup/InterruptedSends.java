package io.aftercare.followup;

import java.time.Clock;
import java.time.Instant;

import io.aftercare.account.Csm;
import io.aftercare.mail.DeliveryCheck;
import io.aftercare.mail.MailTransport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles sends that were interrupted: the app stopped after a follow-up was claimed for
 * sending and before the outcome was recorded, leaving it "being sent" for good. The
 * transport is asked whether the email went out; if it did, the follow-up is recorded as
 * sent, otherwise as failed, still approved, for the CSM to send again with the same
 * Message-ID. Nothing is resent by itself, so nothing can reach the customer twice.
 */
@Component
@EnableConfigurationProperties(FollowUpSettings.class)
class InterruptedSends {

	private static final Logger log = LoggerFactory.getLogger(InterruptedSends.class);

	private final FollowUps followUps;

	private final FollowUpSender sender;

	private final MailTransport transport;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final FollowUpSettings settings;

	private final Clock clock;

	InterruptedSends(FollowUps followUps, FollowUpSender sender, MailTransport transport,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, FollowUpSettings settings,
			Clock clock) {
		this.followUps = followUps;
		this.sender = sender;
		this.transport = transport;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Looks for interrupted sends every {@code settle-every}, on one instance at a time.
	 */
	@Bean
	static RecurringTask<Void> settleInterruptedSends(ObjectProvider<InterruptedSends> sends,
			FollowUpSettings settings) {
		return Tasks.recurring("settle-interrupted-sends", Schedules.fixedDelay(settings.settleEvery()))
			.execute((instance, context) -> sends.getObject().settle());
	}

	void settle() {
		Instant claimedBefore = this.clock.instant().minus(this.settings.sendTimeout());
		for (FollowUpId id : this.followUps.sendingSince(claimedBefore)) {
			// Asked outside any transaction: a transport may have to ask a mail server.
			DeliveryCheck check = this.followUps.find(id).map(this::check).orElse(DeliveryCheck.UNKNOWN);
			try {
				this.transaction.executeWithoutResult((status) -> settle(id, check));
			}
			catch (OptimisticLockingFailureException ex) {
				// Settled by another instance meanwhile.
			}
		}
	}

	private void settle(FollowUpId id, DeliveryCheck check) {
		FollowUp followUp = this.followUps.find(id).orElseThrow();
		if (followUp.status() != FollowUpStatus.SENDING) {
			return;
		}
		Instant now = this.clock.instant();
		if (check == DeliveryCheck.DELIVERED) {
			followUp.sent(now);
			this.followUps.update(followUp, now);
			this.events.publishEvent(this.sender.sent(followUp, Csm.AFTERCARE, Csm.AFTERCARE.username()));
		}
		else {
			followUp.failed((check == DeliveryCheck.UNKNOWN)
					? "The send was interrupted and Aftercare cannot tell whether it went out. Check with the recipient "
							+ "or in the Sent folder (Message-ID " + followUp.messageId() + ") before sending again."
					: "The send was interrupted before the email was handed over. It is still approved: send it again.");
			this.followUps.update(followUp, now);
			this.events.publishEvent(new FollowUpSendFailed(id, followUp.customerId(), followUp.deliveryDetail(), true,
					Csm.AFTERCARE.username(), now));
		}
		log.warn("Settled interrupted send of follow-up {}: {}", id.value(), followUp.status());
	}

	/**
	 * What the transport can say about the claimed send. Only a transport that can see
	 * the channel the send was claimed through may answer: an instance with an outbox of
	 * its own knows nothing of the emails in another instance's outbox.
	 */
	private DeliveryCheck check(FollowUp followUp) {
		if (!this.transport.channel().equals(followUp.sendChannel())) {
			return DeliveryCheck.UNKNOWN;
		}
		return this.transport.check(followUp.messageId());
	}

}
