package io.aftercare.followup;

import java.time.Clock;
import java.time.Instant;

import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketAnnouncement;
import io.aftercare.ticket.TicketReopened;
import io.aftercare.ticket.TicketResolved;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps unsent follow-ups true to their tickets: a ticket reopened puts the follow-ups
 * that speak of it on hold; resolved again, they come back, drafted anew unless a CSM had
 * already edited them. Heard twice, it changes nothing more.
 */
@Component
class TicketWatch {

	private final FollowUps followUps;

	private final FollowUpManagement management;

	private final SupportDesk desk;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TicketWatch(FollowUps followUps, FollowUpManagement management, SupportDesk desk, ApplicationEventPublisher events,
			Clock clock) {
		this.followUps = followUps;
		this.management = management;
		this.desk = desk;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener(condition = TicketAnnouncement.NEWS_ONLY)
	void on(TicketReopened reopened) {
		Instant now = this.clock.instant();
		String reason = "ticket " + reopened.ticketNumber() + " was reopened";
		for (FollowUp followUp : this.followUps.openCovering(reopened.ticketId())) {
			if (followUp.hold(reason)) {
				this.followUps.update(followUp, now);
				this.events.publishEvent(new FollowUpHeld(followUp.id(), followUp.customerId(), reason, now));
			}
		}
	}

	@ApplicationModuleListener(condition = TicketAnnouncement.NEWS_ONLY)
	void on(TicketResolved resolved) {
		for (FollowUp followUp : this.followUps.openCovering(resolved.ticketId())) {
			if (followUp.status() != FollowUpStatus.ON_HOLD || !allResolved(followUp)) {
				continue;
			}
			if (followUp.editedAt() == null) {
				this.management.redraft(followUp);
			}
			else {
				Instant now = this.clock.instant();
				followUp.release();
				this.followUps.update(followUp, now);
				this.events.publishEvent(new FollowUpReleased(followUp.id(), followUp.customerId(), now));
			}
		}
	}

	private boolean allResolved(FollowUp followUp) {
		return followUp.tickets()
			.stream()
			.allMatch((ticket) -> this.desk.find(followUp.customerId(), ticket).map(Ticket::isResolved).orElse(false));
	}

}
