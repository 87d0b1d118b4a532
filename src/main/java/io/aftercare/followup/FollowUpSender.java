package io.aftercare.followup;

import java.time.Clock;
import java.time.Instant;

import io.aftercare.account.Csm;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.drafting.Draft;
import io.aftercare.drafting.HtmlBody;
import io.aftercare.mail.MailTransport;
import io.aftercare.mail.MessageIds;
import io.aftercare.mail.OutgoingEmail;
import io.aftercare.mail.OutgoingEmail.Mailbox;
import io.aftercare.shared.RefusedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends an approved follow-up exactly once. The send is claimed in one short transaction
 * (which fails for a second, concurrent claim), the mail transport is called outside any
 * transaction, and the outcome is recorded in another. A failed delivery leaves the
 * follow-up approved, for a retry under the same Message-ID.
 */
@Service
public class FollowUpSender {

	private static final Logger log = LoggerFactory.getLogger(FollowUpSender.class);

	private final FollowUpManagement management;

	private final FollowUps followUps;

	private final CustomerBook customers;

	private final MailTransport transport;

	private final MessageIds messageIds;

	private final HtmlBody html;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	FollowUpSender(FollowUpManagement management, FollowUps followUps, CustomerBook customers, MailTransport transport,
			MessageIds messageIds, HtmlBody html, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.management = management;
		this.followUps = followUps;
		this.customers = customers;
		this.transport = transport;
		this.messageIds = messageIds;
		this.html = html;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Sends the follow-up if a CSM approved its current wording. Sending a follow-up that
	 * is already sent (or being sent) sends nothing and says so.
	 * @throws RefusedException when it is not approved as it stands, or its ticket was
	 * reopened
	 * @throws DeliveryFailedException when the mail transport refused it
	 */
	public SendAttempt send(Csm csm, FollowUpId id) {
		OutgoingEmail email;
		try {
			email = this.transaction.execute((status) -> claim(csm, id));
		}
		catch (OptimisticLockingFailureException ex) {
			// Another request claimed it a moment ago: that one sends, this one only
			// reports.
			return new SendAttempt(this.management.load(csm, id), SendAttempt.Result.BEING_SENT);
		}
		if (email == null) {
			FollowUp current = this.management.load(csm, id);
			return new SendAttempt(current, (current.status() == FollowUpStatus.SENT) ? SendAttempt.Result.ALREADY_SENT
					: SendAttempt.Result.BEING_SENT);
		}
		try {
			this.transport.deliver(email);
		}
		catch (RuntimeException ex) {
			log.warn("Sending follow-up {} failed: {}", id.value(), ex.getMessage());
			this.transaction.executeWithoutResult((status) -> {
				FollowUp followUp = this.management.load(csm, id);
				Instant now = this.clock.instant();
				followUp.failed(ex.getMessage());
				this.followUps.update(followUp, now);
				this.events.publishEvent(
						new FollowUpSendFailed(id, followUp.customerId(), ex.getMessage(), false, csm.username(), now));
			});
			throw new DeliveryFailedException(id, "The email could not be handed to the mail server: " + ex.getMessage()
					+ ". The follow-up is still approved; try sending again.", ex);
		}
		FollowUp sent = this.transaction.execute((status) -> {
			FollowUp followUp = this.management.load(csm, id);
			if (followUp.status() == FollowUpStatus.SENT) {
				// Settled meanwhile from what the transport holds: nothing left to
				// record.
				return followUp;
			}
			Instant now = this.clock.instant();
			followUp.sent(now);
			this.followUps.update(followUp, now);
			this.events.publishEvent(sent(followUp, csm, csm.username()));
			return followUp;
		});
		return new SendAttempt(sent, SendAttempt.Result.SENT);
	}

	/**
	 * Approves the wording the CSM reviewed and sends it: the chat's "Confirm and send".
	 * Of several such clicks at once exactly one sends and says so; the others find it
	 * approved, being sent or sent, and send nothing.
	 * @throws RefusedException when the wording changed since {@code reviewedVersion}, or
	 * it cannot be sent
	 */
	public SendAttempt approveAndSend(Csm csm, FollowUpId id, int reviewedVersion) {
		FollowUp current = this.management.load(csm, id);
		if (current.status() == FollowUpStatus.SENT) {
			return new SendAttempt(current, SendAttempt.Result.ALREADY_SENT);
		}
		try {
			this.management.approve(csm, id, reviewedVersion);
		}
		catch (OptimisticLockingFailureException ex) {
			// Another click approved it at the same moment: the send below finds it
			// claimed
			// or claims it.
		}
		catch (RefusedException ex) {
			FollowUpStatus now = this.management.load(csm, id).status();
			if (now != FollowUpStatus.SENT && now != FollowUpStatus.SENDING) {
				throw ex;
			}
		}
		return send(csm, id);
	}

	/**
	 * What was sent, to announce: by {@code recordedBy}, for the CSM who owns the
	 * customer.
	 */
	FollowUpSent sent(FollowUp followUp, Csm viewer, String recordedBy) {
		String owner = this.customers.find(viewer, followUp.customerId())
			.map((customer) -> this.customers.owner(customer, viewer).username())
			.orElse(viewer.username());
		return new FollowUpSent(followUp.id(), followUp.customerId(), followUp.ticketId(), owner, followUp.level(),
				followUp.recipient().email(), followUp.messageId(), recordedBy, followUp.sentAt());
	}

	/**
	 * Marks the follow-up as being sent and builds its email; {@code null} when it needs
	 * no sending.
	 */
	private OutgoingEmail claim(Csm csm, FollowUpId id) {
		FollowUp followUp = this.management.load(csm, id);
		if (followUp.status() == FollowUpStatus.SENT || followUp.status() == FollowUpStatus.SENDING) {
			return null;
		}
		if (!this.management.ticketOf(followUp).isResolved()) {
			throw new RefusedException("ticket-reopened", "The ticket was reopened after this follow-up was written. "
					+ "Check with support, then prepare a new follow-up once it is resolved again.");
		}
		Instant now = this.clock.instant();
		followUp.startSending(this.messageIds.forFollowUp(id.value(), followUp.contentVersion()),
				this.transport.channel(), now);
		Mailbox from = sender(csm, followUp);
		this.followUps.update(followUp, now);
		this.events.publishEvent(new FollowUpSendStarted(id, followUp.customerId(), followUp.messageId(),
				followUp.sendChannel(), followUp.contentVersion(), followUp.approvedBy(), csm.username(), now));
		Draft content = followUp.content();
		return new OutgoingEmail(followUp.messageId(), from,
				new Mailbox(followUp.recipient().name(), followUp.recipient().email()), content.subject(),
				content.textBody(), this.html.render(content.textBody()));
	}

	/**
	 * Follow-ups go out from the CSM who owns the customer, so that replies reach them.
	 */
	private Mailbox sender(Csm csm, FollowUp followUp) {
		Customer customer = this.customers.require(csm, followUp.customerId());
		Csm from = this.customers.owner(customer, csm);
		if (from.email() == null) {
			throw new RefusedException("no-sender", from.displayName()
					+ " has no email address in Aftercare, so the follow-up has no sender. Add one, then send again.");
		}
		return new Mailbox(from.displayName(), from.email());
	}

}
