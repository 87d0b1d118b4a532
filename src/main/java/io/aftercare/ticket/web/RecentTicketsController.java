package io.aftercare.ticket.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.aftercare.account.Csm;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerId;
import io.aftercare.ticket.RecentTickets;
import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Step 1 of a follow-up: what happened lately between the customer and support.
 */
@RestController
@Tag(name = "Tickets")
class RecentTicketsController {

	private final CustomerBook customers;

	private final SupportDesk desk;

	private final Clock clock;

	RecentTicketsController(CustomerBook customers, SupportDesk desk, Clock clock) {
		this.customers = customers;
		this.desk = desk;
		this.clock = clock;
	}

	@GetMapping("/api/customers/{id}/recent-tickets")
	@Operation(summary = "Recent tickets of a customer, newest first")
	List<TicketSummary> recent(@PathVariable long id,
			@Parameter(description = "only these statuses, e.g. SOLVED,CLOSED") @RequestParam(
					required = false) Set<TicketStatus> status,
			@Parameter(description = "window in days, counted back from now (default 90)") @RequestParam(
					defaultValue = "90") @Min(1) @Max(3650) int days,
			@Parameter(description = "window start; overrides days") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
			@RequestParam(defaultValue = "20") @Min(1) @Max(RecentTickets.MAX_LIMIT) int limit, Csm csm) {
		CustomerId customer = this.customers.require(csm, new CustomerId(id)).id();
		Instant now = this.clock.instant();
		Instant from = (since != null) ? since : now.minus(Duration.ofDays(days));
		List<Ticket> tickets = this.desk.recent(customer, new RecentTickets(status, from, limit));
		return tickets.stream().map((ticket) -> TicketSummary.of(ticket, now)).toList();
	}

}
