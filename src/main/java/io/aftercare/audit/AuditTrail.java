package io.aftercare.audit;

import io.aftercare.account.Csm;
import io.aftercare.followup.FollowUpApproved;
import io.aftercare.followup.FollowUpDiscarded;
import io.aftercare.followup.FollowUpDrafted;
import io.aftercare.followup.FollowUpEdited;
import io.aftercare.followup.FollowUpHeld;
import io.aftercare.followup.FollowUpReleased;
import io.aftercare.followup.FollowUpSendFailed;
import io.aftercare.followup.FollowUpSendStarted;
import io.aftercare.followup.FollowUpSent;
import io.aftercare.reminder.ReminderCompleted;
import io.aftercare.reminder.ReminderScheduled;
import io.aftercare.ticket.TicketAnnouncement;
import io.aftercare.ticket.TicketRated;
import io.aftercare.ticket.TicketReopened;
import io.aftercare.ticket.TicketResolved;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the audit trail from what the other modules announce, each entry at the moment
 * the change happened. A listener runs after the change committed, in a transaction of
 * its own, and an entry it could not write is retried from the event publication
 * registry: the trail is complete without any command having to remember it.
 */
@Component
class AuditTrail {

	private final AuditLog log;

	AuditTrail(AuditLog log) {
		this.log = log;
	}

	@ApplicationModuleListener
	void on(FollowUpDrafted drafted) {
		this.log.record(drafted.draftedAt(), drafted.draftedBy(), AuditLog.FOLLOW_UP, drafted.followUpId().value(),
				"drafted",
				"level " + drafted.level()
						+ ((drafted.level() != drafted.assessedLevel()) ? " (assessed " + drafted.assessedLevel() + ")"
								: "")
						+ " for ticket " + drafted.ticketNumber() + (drafted.unasked() ? "; " + drafted.why() : ""));
	}

	@ApplicationModuleListener
	void on(FollowUpEdited edited) {
		this.log.record(edited.editedAt(), edited.editedBy(), AuditLog.FOLLOW_UP, edited.followUpId().value(), "edited",
				"content version " + edited.contentVersion() + (edited.approvalVoided() ? "; approval voided" : ""));
	}

	@ApplicationModuleListener
	void on(FollowUpApproved approved) {
		this.log.record(approved.approvedAt(), approved.approvedBy(), AuditLog.FOLLOW_UP, approved.followUpId().value(),
				"approved", "content version " + approved.contentVersion());
	}

	@ApplicationModuleListener
	void on(FollowUpDiscarded discarded) {
		this.log.record(discarded.discardedAt(), discarded.discardedBy(), AuditLog.FOLLOW_UP,
				discarded.followUpId().value(), "discarded", discarded.reason());
	}

	@ApplicationModuleListener
	void on(io.aftercare.reply.FollowUpAnswered answered) {
		// The reading, not the customer's words: the trail records what changed.
		this.log.record(answered.answeredAt(), Csm.AFTERCARE.username(), AuditLog.FOLLOW_UP,
				answered.followUpId().value(), "answered",
				answered.via().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ", reads "
						+ answered.kind().label());
	}

	@ApplicationModuleListener
	void on(io.aftercare.reply.FollowUpBounced bounced) {
		this.log.record(bounced.bouncedAt(), Csm.AFTERCARE.username(), AuditLog.FOLLOW_UP, bounced.followUpId().value(),
				"bounced", bounced.reason());
	}

	@ApplicationModuleListener
	void on(FollowUpHeld held) {
		this.log.record(held.heldAt(), Csm.AFTERCARE.username(), AuditLog.FOLLOW_UP, held.followUpId().value(), "held",
				held.reason());
	}

	@ApplicationModuleListener
	void on(FollowUpReleased released) {
		this.log.record(released.releasedAt(), Csm.AFTERCARE.username(), AuditLog.FOLLOW_UP,
				released.followUpId().value(), "released", "its tickets are resolved again");
	}

	@ApplicationModuleListener
	void on(FollowUpSendStarted started) {
		this.log.record(started.startedAt(), started.startedBy(), AuditLog.FOLLOW_UP, started.followUpId().value(),
				"send-requested",
				"approved by " + started.approvedBy() + ", content version " + started.contentVersion() + ", as "
						+ started.messageId()
						+ ((started.sendAt() != null && started.sendAt().isAfter(started.startedAt()))
								? ", to go out at " + started.sendAt() : ""));
	}

	@ApplicationModuleListener
	void on(FollowUpSent sent) {
		this.log.record(sent.sentAt(), sent.recordedBy(), AuditLog.FOLLOW_UP, sent.followUpId().value(), "sent",
				"to " + sent.recipient() + " as " + sent.messageId());
	}

	@ApplicationModuleListener
	void on(FollowUpSendFailed failed) {
		this.log.record(failed.failedAt(), failed.recordedBy(), AuditLog.FOLLOW_UP, failed.followUpId().value(),
				failed.interrupted() ? "send-interrupted" : "send-failed", failed.reason());
	}

	@ApplicationModuleListener
	void on(ReminderScheduled scheduled) {
		this.log.record(scheduled.scheduledAt(), scheduled.scheduledBy(), AuditLog.REMINDER,
				scheduled.reminderId().value(), "scheduled",
				scheduled.origin() + " due " + scheduled.dueAt() + ": " + scheduled.note());
	}

	@ApplicationModuleListener
	void on(ReminderCompleted completed) {
		this.log.record(completed.completedAt(), completed.completedBy(), AuditLog.REMINDER,
				completed.reminderId().value(), "completed", null);
	}

	/** A reopening a desk reported; not one of a backfill. */
	@ApplicationModuleListener(condition = TicketAnnouncement.NEWS_ONLY)
	void on(TicketReopened reopened) {
		this.log.record(reopened.reopenedAt(), reopened.source(), AuditLog.TICKET, reopened.ticketId().value(),
				"reopened", "ticket " + reopened.ticketNumber());
	}

	/** A rating a desk reported; not one of a backfill. */
	@ApplicationModuleListener(condition = TicketAnnouncement.NEWS_ONLY)
	void on(TicketRated rated) {
		this.log.record(rated.ratedAt(), rated.source(), AuditLog.TICKET, rated.ticketId().value(), "rated",
				rated.rating().value() + ", ticket " + rated.ticketNumber());
	}

	/**
	 * A resolution that arrived from a desk; not those of a backfill, which are history,
	 * not news.
	 */
	@ApplicationModuleListener(condition = TicketAnnouncement.NEWS_ONLY)
	void on(TicketResolved resolved) {
		this.log.record(resolved.resolvedAt(), resolved.source(), AuditLog.TICKET, resolved.ticketId().value(),
				"resolved", "priority " + resolved.priority() + ", ticket " + resolved.ticketNumber());
	}

}
