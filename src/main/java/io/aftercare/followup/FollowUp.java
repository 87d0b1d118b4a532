package io.aftercare.followup;

import java.time.Instant;
import java.util.List;

import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.assessment.SuggestedReminder;
import io.aftercare.customer.CustomerId;
import io.aftercare.drafting.Draft;
import io.aftercare.shared.InvalidInputException;
import io.aftercare.shared.RefusedException;
import io.aftercare.ticket.TicketId;

/**
 * A post-ticket follow-up email and its lifecycle. Every transition checks the state and
 * says why it refuses. The generated draft is kept beside the CSM's edit; an approval is
 * bound to the content version it was given for, so an edit after approval needs a new
 * approval.
 */
public class FollowUp {

	private final FollowUpId id;

	private final CustomerId customerId;

	private final TicketId ticketId;

	private List<TicketId> alsoCovers;

	private final FollowUpLevel level;

	private final FollowUpLevel assessedLevel;

	private final String levelOverriddenBy;

	private final List<String> reasons;

	private final List<String> offers;

	private List<SuggestedReminder> suggestedReminders;

	private final Recipient recipient;

	private final Draft generated;

	private final String createdBy;

	private final Instant createdAt;

	private final int version;

	private FollowUpStatus status;

	private Draft edited;

	private String editedBy;

	private Instant editedAt;

	private int contentVersion;

	private Integer approvedVersion;

	private String approvedBy;

	private Instant approvedAt;

	private Instant sendRequestedAt;

	private Instant sentAt;

	private String messageId;

	private String sendChannel;

	private Instant sendAt;

	private String sendTask;

	private int sendAttempts;

	private String sendRequestedBy;

	private String providerMessageId;

	private String providerThreadId;

	private DeliveryStatus deliveryStatus;

	private String deliveryDetail;

	private ResponseStatus responseStatus;

	private String holdReason;

	private DraftAuthorship authorship = DraftAuthorship.TEMPLATE;

	private FollowUpAnswer answer;

	FollowUp(FollowUpId id, CustomerId customerId, TicketId ticketId, List<TicketId> alsoCovers, FollowUpLevel level,
			FollowUpLevel assessedLevel, String levelOverriddenBy, List<String> reasons, List<String> offers,
			List<SuggestedReminder> suggestedReminders, Recipient recipient, Draft generated, String createdBy,
			Instant createdAt, int version, FollowUpStatus status, Draft edited, String editedBy, Instant editedAt,
			int contentVersion, Integer approvedVersion, String approvedBy, Instant approvedAt, Instant sendRequestedAt,
			Instant sentAt, String messageId, String sendChannel, Sending sending, DeliveryStatus deliveryStatus,
			String deliveryDetail, ResponseStatus responseStatus, String holdReason) {
		this.id = id;
		this.customerId = customerId;
		this.ticketId = ticketId;
		this.alsoCovers = List.copyOf(alsoCovers);
		this.level = level;
		this.assessedLevel = assessedLevel;
		this.levelOverriddenBy = levelOverriddenBy;
		this.reasons = List.copyOf(reasons);
		this.offers = List.copyOf(offers);
		this.suggestedReminders = List.copyOf(suggestedReminders);
		this.recipient = recipient;
		this.generated = generated;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.version = version;
		this.status = status;
		this.edited = edited;
		this.editedBy = editedBy;
		this.editedAt = editedAt;
		this.contentVersion = contentVersion;
		this.approvedVersion = approvedVersion;
		this.approvedBy = approvedBy;
		this.approvedAt = approvedAt;
		this.sendRequestedAt = sendRequestedAt;
		this.sentAt = sentAt;
		this.messageId = messageId;
		this.sendChannel = sendChannel;
		this.sendAt = sending.sendAt();
		this.sendTask = sending.task();
		this.sendAttempts = sending.attempts();
		this.sendRequestedBy = sending.requestedBy();
		this.providerMessageId = sending.providerMessageId();
		this.providerThreadId = sending.providerThreadId();
		this.deliveryStatus = deliveryStatus;
		this.deliveryDetail = deliveryDetail;
		this.responseStatus = responseStatus;
		this.holdReason = holdReason;
	}

	/**
	 * A new draft, as generated, about {@code ticketId} and the other tickets it
	 * {@code alsoCovers}. {@code level} differs from {@code assessedLevel} when a CSM
	 * chose it.
	 */
	static FollowUp draft(CustomerId customerId, TicketId ticketId, List<TicketId> alsoCovers, FollowUpLevel level,
			FollowUpLevel assessedLevel, List<String> reasons, List<String> offers, List<SuggestedReminder> reminders,
			Recipient recipient, Draft generated, String createdBy, Instant now) {
		String overriddenBy = (level != assessedLevel) ? createdBy : null;
		return new FollowUp(null, customerId, ticketId, alsoCovers, level, assessedLevel, overriddenBy, reasons, offers,
				reminders, recipient, generated, createdBy, now, 0, FollowUpStatus.DRAFT, null, null, null, 1, null,
				null, null, null, null, null, null, Sending.NONE, DeliveryStatus.NOT_SENT, null, ResponseStatus.NONE,
				null);
	}

	/** As stored: who wrote the current draft. */
	FollowUp writtenBy(DraftAuthorship authorship) {
		this.authorship = authorship;
		return this;
	}

	/**
	 * Replaces the draft with one written again as the CSM asked (shorter, by the
	 * template, ...): an edit by the CSM, so an approval is voided.
	 */
	void rewrite(Draft draft, DraftAuthorship by, String csm, Instant now) {
		edit(draft.subject(), draft.textBody(), csm, now);
		this.authorship = by;
	}

	/** Who wrote the current draft, in which language, and what the model used. */
	public DraftAuthorship authorship() {
		return this.authorship;
	}

	/**
	 * Replaces subject and body with the CSM's wording. Voids an earlier approval: the
	 * new text was not approved yet.
	 */
	void edit(String subject, String body, String by, Instant now) {
		if (!this.status.isEditable()) {
			throw new RefusedException("not-editable",
					"This follow-up is " + describeStatus() + " and can no longer be edited.");
		}
		Draft draft;
		try {
			draft = new Draft(subject, body);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(ex.getMessage());
		}
		if (draft.equals(content())) {
			return;
		}
		this.edited = draft;
		this.editedBy = by;
		this.editedAt = now;
		this.contentVersion++;
		if (this.status == FollowUpStatus.QUEUED) {
			unqueue();
		}
		if (this.status != FollowUpStatus.ON_HOLD) {
			this.status = FollowUpStatus.DRAFT;
		}
		this.approvedVersion = null;
		this.approvedBy = null;
		this.approvedAt = null;
	}

	/**
	 * Approves the current wording. {@code seenVersion}, when given, is the content
	 * version the CSM reviewed; approving fails if the text changed since.
	 * @return whether this call approved it (false when it already was)
	 */
	boolean approve(Integer seenVersion, String by, Instant now) {
		if (seenVersion != null && seenVersion != this.contentVersion) {
			throw new RefusedException("stale-version", "The draft changed since you reviewed it (you saw version "
					+ seenVersion + ", it is now version " + this.contentVersion + "). Review it again, then approve.");
		}
		if (isApprovedAsIs()) {
			return false;
		}
		if (this.status != FollowUpStatus.DRAFT) {
			throw new RefusedException("not-approvable",
					"This follow-up is " + describeStatus() + " and cannot be approved.");
		}
		this.status = FollowUpStatus.APPROVED;
		this.approvedVersion = this.contentVersion;
		this.approvedBy = by;
		this.approvedAt = now;
		return true;
	}

	/**
	 * Queues the approved wording for sending through a mail channel, due at
	 * {@code sendAt}, in the send queue's entry {@code task}. {@code messageId} belongs
	 * to the approved wording (see {@code mail.MessageIds}): every attempt carries it, so
	 * the transport can recognise an email it already took.
	 */
	void queue(String messageId, String channel, String task, Instant sendAt, String by, Instant now) {
		if (!isApprovedAsIs() || this.status == FollowUpStatus.QUEUED) {
			boolean editedSinceApproval = this.status == FollowUpStatus.DRAFT && this.editedAt != null;
			throw new RefusedException("not-approved",
					editedSinceApproval ? "This follow-up was edited and needs a new approval before it can be sent."
							: "This follow-up is " + describeStatus()
									+ ". A CSM must approve its current wording before it can be sent.");
		}
		this.status = FollowUpStatus.QUEUED;
		this.sendRequestedAt = now;
		this.sendRequestedBy = by;
		this.sendAt = sendAt;
		this.sendTask = task;
		this.sendAttempts = 0;
		this.messageId = messageId;
		this.sendChannel = channel;
		this.deliveryStatus = DeliveryStatus.QUEUED;
		this.deliveryDetail = null;
	}

	/**
	 * An attempt to hand the email over begins: from now until its outcome is recorded,
	 * the email may have left.
	 */
	void attemptStarted() {
		if (!this.status.isOnItsWay()) {
			throw new IllegalStateException("follow-up " + this.id + " is " + this.status + ", not queued");
		}
		this.status = FollowUpStatus.SENDING;
		this.sendAttempts++;
		this.deliveryStatus = DeliveryStatus.SENDING;
	}

	/**
	 * The attempt did not get it out; the queue tries again at {@code at}. After an
	 * attempt that may have handed it over ({@code checkFirst}), it stays "being sent",
	 * so that the next attempt looks into the sent mail before sending.
	 */
	void retryLater(String reason, Instant at, boolean checkFirst) {
		requireStatus(FollowUpStatus.SENDING);
		this.status = checkFirst ? FollowUpStatus.SENDING : FollowUpStatus.QUEUED;
		this.sendAt = at;
		this.deliveryStatus = DeliveryStatus.QUEUED;
		this.deliveryDetail = fit(reason);
	}

	/** An interrupted attempt's check could not be made now: counted as an attempt. */
	void checkFailed() {
		requireStatus(FollowUpStatus.SENDING);
		this.sendAttempts++;
	}

	/**
	 * Records the email as handed over, under {@code sentMessageId}: after an attempt, or
	 * after a check found it in the sent mail. Also after the follow-up was recorded as
	 * unconfirmed or re-queued while a slow attempt was still on its way: it did go out.
	 * @return whether it was recorded (false when the follow-up moved on to another
	 * wording meanwhile)
	 */
	boolean sent(String sentMessageId, Instant now, String serverReply, String providerMessageId,
			String providerThreadId) {
		if (!sentMessageId.equals(this.messageId) || !(this.status.isOnItsWay()
				|| (this.status == FollowUpStatus.FAILED && this.approvedVersion != null))) {
			return false;
		}
		this.status = FollowUpStatus.SENT;
		this.sentAt = now;
		this.sendTask = null;
		this.deliveryStatus = DeliveryStatus.SENT;
		this.deliveryDetail = fit(serverReply);
		this.providerMessageId = providerMessageId;
		this.providerThreadId = providerThreadId;
		this.responseStatus = ResponseStatus.AWAITING;
		return true;
	}

	/**
	 * Records the customer's answer to the sent email. A later answer replaces an earlier
	 * one (the customer changed their mind); the same answer, or an older one, heard
	 * again changes nothing.
	 * @return whether it was recorded
	 */
	boolean answered(FollowUpAnswer answer) {
		if (this.status != FollowUpStatus.SENT) {
			return false;
		}
		if (this.answer != null && !answer.answeredAt().isAfter(this.answer.answeredAt())) {
			return false;
		}
		this.answer = answer;
		this.responseStatus = ResponseStatus.REPLIED;
		if (this.deliveryStatus == DeliveryStatus.DELAYED) {
			// An answer proves it arrived after all.
			this.deliveryStatus = DeliveryStatus.DELIVERED;
			this.deliveryDetail = null;
		}
		return true;
	}

	/**
	 * The receiving side reported a temporary failure (a full mailbox, a greylisting
	 * server) and keeps trying: the CSM sees why the email may not have arrived yet.
	 * @return whether it was recorded (false unless sent and not yet answered, bounced or
	 * delayed)
	 */
	boolean delayed(String reason) {
		if (this.status != FollowUpStatus.SENT || this.deliveryStatus != DeliveryStatus.SENT
				|| this.responseStatus == ResponseStatus.REPLIED) {
			return false;
		}
		this.deliveryStatus = DeliveryStatus.DELAYED;
		this.deliveryDetail = fit(reason);
		return true;
	}

	/**
	 * The receiving side refused the sent email for good, with its reason: nobody will
	 * answer it.
	 * @return whether it was recorded (false when it was not sent or already bounced)
	 */
	boolean bounced(String reason) {
		if (this.status != FollowUpStatus.SENT || this.deliveryStatus == DeliveryStatus.BOUNCED) {
			return false;
		}
		this.deliveryStatus = DeliveryStatus.BOUNCED;
		this.deliveryDetail = fit(reason);
		if (this.responseStatus == ResponseStatus.AWAITING) {
			this.responseStatus = ResponseStatus.NONE;
		}
		return true;
	}

	/** Refused for good, with the server's answer; the approval stays for a resend. */
	void failed(String detail) {
		if (!this.status.isOnItsWay()) {
			throw new IllegalStateException("follow-up " + this.id + " is " + this.status + ", not on its way");
		}
		this.status = FollowUpStatus.FAILED;
		this.sendTask = null;
		this.deliveryStatus = DeliveryStatus.FAILED;
		this.deliveryDetail = fit(detail);
	}

	/**
	 * An attempt was cut off and nobody can tell whether the email left: it waits for the
	 * CSM, approved, with a note of what to check.
	 */
	void unconfirmed(String detail) {
		requireStatus(FollowUpStatus.SENDING);
		this.status = FollowUpStatus.FAILED;
		this.sendTask = null;
		this.deliveryStatus = DeliveryStatus.UNCONFIRMED;
		this.deliveryDetail = fit(detail);
	}

	/**
	 * A send the queue lost track of (from before the queue existed) goes to a new entry;
	 * its state is kept, so an attempt that may have been made is checked first.
	 */
	void entrust(String task) {
		if (!this.status.isOnItsWay()) {
			throw new IllegalStateException("follow-up " + this.id + " is " + this.status + ", not on its way");
		}
		this.sendTask = task;
		if (this.sendAt == null) {
			this.sendAt = this.sendRequestedAt;
		}
	}

	/** Takes it off the send queue: its entry finds it changed and does nothing. */
	private void unqueue() {
		this.sendTask = null;
		this.sendAt = null;
		this.deliveryStatus = DeliveryStatus.NOT_SENT;
		this.deliveryDetail = null;
	}

	/**
	 * Puts an unsent follow-up on hold: what it says about its ticket no longer holds. An
	 * approval is voided, a queued send taken off the queue; the CSM approves again once
	 * it is released.
	 * @return whether this call put it on hold
	 */
	boolean hold(String reason) {
		if (this.status != FollowUpStatus.DRAFT && this.status != FollowUpStatus.APPROVED
				&& this.status != FollowUpStatus.QUEUED && this.status != FollowUpStatus.FAILED) {
			return false;
		}
		if (this.status == FollowUpStatus.QUEUED) {
			unqueue();
		}
		this.status = FollowUpStatus.ON_HOLD;
		this.holdReason = reason;
		this.approvedVersion = null;
		this.approvedBy = null;
		this.approvedAt = null;
		return true;
	}

	/** Back to a draft once its ticket is resolved again. */
	void release() {
		requireStatus(FollowUpStatus.ON_HOLD);
		this.status = FollowUpStatus.DRAFT;
		this.holdReason = null;
	}

	void discard() {
		if (!this.status.isEditable()) {
			throw new RefusedException("not-discardable",
					"This follow-up is " + describeStatus() + " and cannot be discarded.");
		}
		if (this.status == FollowUpStatus.QUEUED) {
			unqueue();
		}
		this.status = FollowUpStatus.DISCARDED;
	}

	/** A server's answer as it fits beside the follow-up. */
	private static String fit(String detail) {
		return (detail != null && detail.length() > 1000) ? detail.substring(0, 999) + "…" : detail;
	}

	private void requireStatus(FollowUpStatus expected) {
		if (this.status != expected) {
			throw new IllegalStateException("follow-up " + this.id + " is " + this.status + ", expected " + expected);
		}
	}

	/**
	 * Approved (or queued, or failed after approval) in exactly the wording it has now.
	 */
	boolean isApprovedAsIs() {
		return (this.status == FollowUpStatus.APPROVED || this.status == FollowUpStatus.QUEUED
				|| this.status == FollowUpStatus.FAILED) && this.approvedVersion != null
				&& this.approvedVersion == this.contentVersion;
	}

	private String describeStatus() {
		return switch (this.status) {
			case DRAFT -> "a draft that nobody approved";
			case APPROVED -> "approved";
			case QUEUED -> "queued to be sent";
			case SENDING -> "being sent";
			case SENT -> "already sent";
			case FAILED -> "approved but its last send failed";
			case ON_HOLD -> "on hold (" + this.holdReason + ")";
			case DISCARDED -> "discarded";
		};
	}

	/** What would be sent now: the CSM's edit, or else the generated draft. */
	public Draft content() {
		return (this.edited != null) ? this.edited : this.generated;
	}

	/** {@code null} until stored. */
	public FollowUpId id() {
		return this.id;
	}

	public CustomerId customerId() {
		return this.customerId;
	}

	public TicketId ticketId() {
		return this.ticketId;
	}

	/** The other tickets this follow-up speaks of, beside its own. */
	public List<TicketId> alsoCovers() {
		return this.alsoCovers;
	}

	/** All the tickets it speaks of, its own first. */
	public List<TicketId> tickets() {
		List<TicketId> all = new java.util.ArrayList<>(List.of(this.ticketId));
		all.addAll(this.alsoCovers);
		return List.copyOf(all);
	}

	/** Why it is on hold, {@code null} otherwise. */
	public String holdReason() {
		return this.holdReason;
	}

	public FollowUpLevel level() {
		return this.level;
	}

	public FollowUpLevel assessedLevel() {
		return this.assessedLevel;
	}

	public String levelOverriddenBy() {
		return this.levelOverriddenBy;
	}

	public List<String> reasons() {
		return this.reasons;
	}

	public List<String> offers() {
		return this.offers;
	}

	public List<SuggestedReminder> suggestedReminders() {
		return this.suggestedReminders;
	}

	public Recipient recipient() {
		return this.recipient;
	}

	public Draft generated() {
		return this.generated;
	}

	public Draft edited() {
		return this.edited;
	}

	public String editedBy() {
		return this.editedBy;
	}

	public Instant editedAt() {
		return this.editedAt;
	}

	public String createdBy() {
		return this.createdBy;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	int version() {
		return this.version;
	}

	public FollowUpStatus status() {
		return this.status;
	}

	public int contentVersion() {
		return this.contentVersion;
	}

	public Integer approvedVersion() {
		return this.approvedVersion;
	}

	public String approvedBy() {
		return this.approvedBy;
	}

	public Instant approvedAt() {
		return this.approvedAt;
	}

	public Instant sendRequestedAt() {
		return this.sendRequestedAt;
	}

	public Instant sentAt() {
		return this.sentAt;
	}

	public String messageId() {
		return this.messageId;
	}

	/** The mail channel the last send was claimed through. */
	public String sendChannel() {
		return this.sendChannel;
	}

	/** When it is due to go out (its next try, after a deferral). */
	public Instant sendAt() {
		return this.sendAt;
	}

	/** The send queue's entry that owns this send, while it is queued or being sent. */
	String sendTask() {
		return this.sendTask;
	}

	/** How many times the queue tried to hand it over (or to look for it). */
	public int sendAttempts() {
		return this.sendAttempts;
	}

	/** Who asked for it to be sent. */
	public String sendRequestedBy() {
		return this.sendRequestedBy;
	}

	/** The provider's id of the sent message (Gmail's), when it names one. */
	public String providerMessageId() {
		return this.providerMessageId;
	}

	/** The provider's id of the sent message's thread (Gmail's), when it names one. */
	public String providerThreadId() {
		return this.providerThreadId;
	}

	/** What the send queue keeps of a send, as stored. */
	Sending sending() {
		return new Sending(this.sendAt, this.sendTask, this.sendAttempts, this.sendRequestedBy, this.providerMessageId,
				this.providerThreadId);
	}

	public DeliveryStatus deliveryStatus() {
		return this.deliveryStatus;
	}

	public String deliveryDetail() {
		return this.deliveryDetail;
	}

	public ResponseStatus responseStatus() {
		return this.responseStatus;
	}

	/** The customer's answer, once there is one. */
	public FollowUpAnswer answer() {
		return this.answer;
	}

	/**
	 * Sets what it covers besides its own ticket and its suggested reminders while the
	 * follow-up is read: they are stored apart and read for a whole list at once.
	 */
	FollowUp withStoredLists(List<TicketId> alsoCovers, List<SuggestedReminder> suggestedReminders) {
		this.alsoCovers = List.copyOf(alsoCovers);
		this.suggestedReminders = List.copyOf(suggestedReminders);
		return this;
	}

	/** Sets the stored answer while the follow-up is read. */
	FollowUp withAnswer(FollowUpAnswer stored) {
		this.answer = stored;
		return this;
	}

	/** The send queue's record of a send, as stored beside the follow-up. */
	record Sending(Instant sendAt, String task, int attempts, String requestedBy, String providerMessageId,
			String providerThreadId) {

		static final Sending NONE = new Sending(null, null, 0, null, null, null);

	}

	/** Whom the follow-up is addressed to. */
	public record Recipient(String name, String email) {

		public Recipient {
			if (name == null || name.isBlank() || email == null || email.isBlank()) {
				throw new IllegalArgumentException("a recipient needs a name and an email address");
			}
		}

	}

}
