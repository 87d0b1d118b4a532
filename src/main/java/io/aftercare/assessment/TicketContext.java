package io.aftercare.assessment;

import java.time.Duration;
import java.util.List;

import io.aftercare.customer.Contact;
import io.aftercare.customer.Customer;
import io.aftercare.customer.HealthEntry;
import io.aftercare.customer.RiskSignal;
import io.aftercare.ticket.Participant;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketDurations;

/**
 * Everything a CSM should know about a resolved ticket before writing to the customer:
 * the ticket, who raised it and who was involved, how the customer's health moved around
 * it, and what else went wrong for them lately.
 *
 * @param requester who raised the ticket, or {@code null} when the desk did not say
 * @param healthBefore the last score before the ticket opened, {@code null} when unknown
 * @param healthLowest the lowest score from opening until the health lag after resolution
 * ({@link AssessmentSettings#healthLag()})
 * @param healthNow the latest score
 * @param healthTrend scores from 30 days before opening until now, oldest first
 * @param relatedTickets other tickets of the customer within {@code relatedWindow} before
 * resolution on the same product area or a similar subject
 * @param relatedWindow how far back related tickets were looked for
 * ({@link AssessmentSettings#relatedWindow()})
 * @param resolvedInRepeatWindow resolved tickets of the customer within the repeat window
 * ({@link AssessmentSettings#repeatWindow()}) up to this resolution, this one included
 * @param customerWords what the customer wrote on the ticket in public comments, oldest
 * first: the tone is read from them, and the draft may echo them
 * @param openRisk the customer's newest open risk signal (their last answer read
 * frustrated), {@code null} when none is open
 */
public record TicketContext(Ticket ticket, Customer customer, Contact requester, List<Participant> stakeholders,
		List<Participant> supportTeam, Integer healthBefore, Integer healthLowest, Integer healthNow,
		List<HealthEntry> healthTrend, List<Ticket> relatedTickets, Duration relatedWindow, int resolvedInRepeatWindow,
		List<String> customerWords, Tone customerTone, Duration timeToResolve, RiskSignal openRisk) {

	public TicketContext {
		stakeholders = List.copyOf(stakeholders);
		supportTeam = List.copyOf(supportTeam);
		healthTrend = List.copyOf(healthTrend);
		relatedTickets = List.copyOf(relatedTickets);
		customerWords = List.copyOf(customerWords);
	}

	/**
	 * Points the health score lost while the ticket was open, or {@code null} when
	 * unknown.
	 */
	public Integer healthDrop() {
		if (this.healthBefore == null || this.healthLowest == null) {
			return null;
		}
		return Math.max(0, this.healthBefore - this.healthLowest);
	}

	/**
	 * The PRD's "Customer Impact" lines: "Health Score: Dropped 6 points during issue",
	 * "Multiple stakeholders involved", "Escalated to engineering", related tickets.
	 */
	public List<String> impactSummary() {
		List<String> summary = new java.util.ArrayList<>();
		Integer drop = healthDrop();
		if (drop != null && drop > 0) {
			summary.add("Health Score: Dropped " + drop + " point" + ((drop == 1) ? "" : "s") + " during issue");
		}
		else if (drop != null) {
			summary.add("Health Score: Held steady during issue");
		}
		else if (this.healthNow != null) {
			summary.add("Health Score: " + this.healthNow + " now; no score from before the issue to compare");
		}
		else {
			summary.add("Health Score: No health data");
		}
		if (this.stakeholders.size() > 1) {
			summary.add("Multiple stakeholders involved (" + this.stakeholders.size() + ")");
		}
		if (this.ticket.escalated()) {
			String team = this.ticket.escalatedTo();
			summary.add("Escalated to " + ((team != null && !team.isBlank())
					? team.toLowerCase(java.util.Locale.ENGLISH) : "a specialist team"));
		}
		if (!this.relatedTickets.isEmpty()) {
			int related = this.relatedTickets.size();
			summary.add(related + " related ticket" + ((related == 1) ? "" : "s") + " in the last "
					+ TicketDurations.describe(this.relatedWindow));
		}
		return summary;
	}

}
