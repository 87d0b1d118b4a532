package io.aftercare.assessment;

import java.math.BigDecimal;
import java.time.Duration;

import io.aftercare.customer.CustomerTier;
import io.aftercare.ticket.TicketPriority;

/**
 * Builds {@link TicketFacts} for tests, starting from a quiet ticket: a low-priority
 * question answered in an hour for a healthy SMB customer, so each scenario names only
 * what makes it different.
 */
final class ResolvedTicket {

	private TicketPriority priority = TicketPriority.LOW;

	private Duration timeToResolve = Duration.ofHours(1);

	private boolean escalated;

	private int reopenCount;

	private int customerStakeholders = 1;

	private Integer healthDrop = 0;

	private int relatedTickets;

	private int resolvedTickets = 1;

	private Tone tone = Tone.NEUTRAL;

	private CustomerTier tier = CustomerTier.SMB;

	private BigDecimal arr = new BigDecimal("12000");

	private boolean atRisk;

	private String riskSignal;

	private String productArea;

	private String resolutionSummary = "Answered how to export reports";

	private ResolvedTicket() {
	}

	static ResolvedTicket quiet() {
		return new ResolvedTicket();
	}

	/** The PRD's example: TechFlow's API rate-limit ticket. */
	static ResolvedTicket techFlow() {
		return quiet().priority(TicketPriority.HIGH)
			.openFor(Duration.ofDays(4))
			.escalated()
			.healthDrop(6)
			.stakeholders(3)
			.tone(Tone.FRUSTRATED)
			.tier(CustomerTier.ENTERPRISE)
			.arr(180_000)
			.productArea("API")
			.resolution("Rate limits increased 3x, optimization guide provided");
	}

	ResolvedTicket priority(TicketPriority priority) {
		this.priority = priority;
		return this;
	}

	ResolvedTicket openFor(Duration timeToResolve) {
		this.timeToResolve = timeToResolve;
		return this;
	}

	ResolvedTicket escalated() {
		this.escalated = true;
		return this;
	}

	ResolvedTicket reopened(int times) {
		this.reopenCount = times;
		return this;
	}

	ResolvedTicket stakeholders(int people) {
		this.customerStakeholders = people;
		return this;
	}

	ResolvedTicket healthDrop(Integer points) {
		this.healthDrop = points;
		return this;
	}

	ResolvedTicket relatedTickets(int count) {
		this.relatedTickets = count;
		return this;
	}

	ResolvedTicket resolvedTickets(int count) {
		this.resolvedTickets = count;
		return this;
	}

	ResolvedTicket tone(Tone tone) {
		this.tone = tone;
		return this;
	}

	ResolvedTicket tier(CustomerTier tier) {
		this.tier = tier;
		return this;
	}

	ResolvedTicket arr(long arr) {
		this.arr = BigDecimal.valueOf(arr);
		return this;
	}

	ResolvedTicket unknownArr() {
		this.arr = null;
		return this;
	}

	ResolvedTicket riskSignal(String detail) {
		this.riskSignal = detail;
		return this;
	}

	ResolvedTicket atRisk() {
		this.atRisk = true;
		return this;
	}

	ResolvedTicket productArea(String productArea) {
		this.productArea = productArea;
		return this;
	}

	ResolvedTicket resolution(String resolutionSummary) {
		this.resolutionSummary = resolutionSummary;
		return this;
	}

	TicketFacts facts() {
		return new TicketFacts(this.priority, this.timeToResolve, this.escalated, this.reopenCount,
				this.customerStakeholders, this.healthDrop, this.relatedTickets, this.resolvedTickets, this.tone,
				this.tier, this.arr, this.atRisk, this.riskSignal, this.productArea, this.resolutionSummary);
	}

}
