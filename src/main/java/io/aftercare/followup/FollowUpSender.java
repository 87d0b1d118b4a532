package io.aftercare.followup;

import java.time.Clock;
import java.time.Instant;

import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.audit.AuditLog;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerId;
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
 * follow-up approved, with the same Message-ID for the retry.
 */
@Service
public class FollowUpSender {

	private static final Logger log = LoggerFactory.getLogger(FollowUpSender.class);

	private final FollowUpManagement management;

	private final FollowUps followUps;

	private final CustomerBook customers;

	private final CsmDirectory csms;

	private final MailTransport transport;

	private final MessageIds messageIds;

	private final HtmlBody html;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	FollowUpSender(FollowUpManagement management, FollowUps followUps, CustomerBook customers, CsmDirectory csms,
			MailTransport transport, MessageIds messageIds, HtmlBody html, AuditLog audit,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.management = management;
		this.followUps = followUps;
		this.customers = customers;
		this.csms = csms;
		this.transport = transport;
		this.messageIds = messageIds;
		this.html = html;
		this.audit = audit;
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
	public SendAttempt send(Csm csm, long id) {
		OutgoingEmail email;
		try {
			email = this.transaction.execute((status) -> claim(csm, id));
		}
		catch (OptimisticLockingFailureException ex) {
			// Another request claimed it a moment ago: that one sends, this one only
			// reports.
			return attempt(csm, id, SendAttempt.Result.BEING_SENT);
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
			log.warn("Sending follow-up {} failed: {}", id, ex.getMessage());
			this.transaction.executeWithoutResult((status) -> {
				FollowUp followUp = this.management.load(csm, id);
				followUp.failed(ex.getMessage());
				this.followUps.update(followUp, this.clock.instant());
				this.audit.record(csm.username(), "followup", id, "send-failed", ex.getMessage());
			});
			throw new DeliveryFailedException(id, "The email could not be handed to the mail server: " + ex.getMessage()
					+ ". The follow-up is still approved; try sending again.", ex);
		}
		this.transaction.executeWithoutResult((status) -> {
			FollowUp followUp = this.management.load(csm, id);
			if (followUp.status() == FollowUpStatus.SENT) {
				// Settled meanwhile from what the transport holds: nothing left to
				// record.
				return;
			}
			Instant now = this.clock.instant();
			followUp.sent(now);
			this.followUps.update(followUp, now);
			this.audit.record(csm.username(), "followup", id, "sent",
					"to " + followUp.recipient().email() + " as " + followUp.messageId());
			this.events.publishEvent(
					new FollowUpSent(id, followUp.customerId(), followUp.ticketId(), followUp.messageId(), now));
		});
		return attempt(csm, id, SendAttempt.Result.SENT);
	}

	/**
	 * Approves the wording the CSM reviewed and sends it: the chat's "Confirm and send".
	 * Of several such clicks at once exactly one sends and says so; the others find it
	 * approved, being sent or sent, and send nothing.
	 * @throws RefusedException when the wording changed since {@code reviewedVersion}, or
	 * it cannot be sent
	 */
	public SendAttempt approveAndSend(Csm csm, long id, int reviewedVersion) {
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

	private SendAttempt attempt(Csm csm, long id, SendAttempt.Result result) {
		return new SendAttempt(this.management.load(csm, id), result);
	}

	/**
	 * Marks the follow-up as being sent and builds its email; {@code null} when it needs
	 * no sending.
	 */
	private OutgoingEmail claim(Csm csm, long id) {
		FollowUp followUp = this.management.load(csm, id);
		if (followUp.status() == FollowUpStatus.SENT || followUp.status() == FollowUpStatus.SENDING) {
			return null;
		}
		if (!this.management.ticketOf(followUp).isResolved()) {
			throw new RefusedException("ticket-reopened", "The ticket was reopened after this follow-up was written. "
					+ "Check with support, then prepare a new follow-up once it is resolved again.");
		}
		Instant now = this.clock.instant();
		followUp.startSending(this.messageIds.forFollowUp(id, followUp.contentVersion()), this.transport.channel(),
				now);
		Mailbox from = sender(csm, followUp);
		this.followUps.update(followUp, now);
		this.audit.record(csm.username(), "followup", id, "send-requested",
				"approved by " + followUp.approvedBy() + ", content version " + followUp.contentVersion());
		Draft content = followUp.content();
		return new OutgoingEmail(followUp.messageId(), from,
				new Mailbox(followUp.recipient().name(), followUp.recipient().email()), content.subject(),
				content.textBody(), this.html.render(content.textBody()));
	}

	/**
	 * Follow-ups go out from the CSM who owns the customer, so that replies reach them.
	 */
	private Mailbox sender(Csm csm, FollowUp followUp) {
		String owner = this.customers.find(csm, new CustomerId(followUp.customerId()))
			.map((customer) -> customer.ownerUsername())
			.orElse(null);
		Csm from = (owner != null) ? this.csms.find(owner).orElse(csm) : csm;
		if (from.email() == null) {
			throw new RefusedException("no-sender", from.displayName()
					+ " has no email address in Aftercare, so the follow-up has no sender. Add one, then send again.");
		}
		return new Mailbox(from.displayName(), from.email());
	}

}
