package io.aftercare.followup;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.aftercare.ticket.Ticket;

/**
 * Which resolved ticket a CSM means: {@code ticket} when that is clear; otherwise the
 * {@code candidates} to choose from, newest first (the chat asks, the API takes the most
 * recent significant one). No candidates at all when the customer has no resolved ticket
 * to follow up on.
 */
public record TicketChoice(Optional<Ticket> ticket, List<Ticket> candidates) {

	/**
	 * "Lately": a ticket resolved this recently is what a CSM most likely means, and one
	 * still due a follow-up (the chat lists those that have none).
	 */
	public static final Duration LATELY = Duration.ofDays(30);

	public TicketChoice {
		candidates = List.copyOf(candidates);
	}

	static TicketChoice clear(Ticket ticket) {
		return new TicketChoice(Optional.of(ticket), List.of(ticket));
	}

	static TicketChoice among(List<Ticket> candidates) {
		return new TicketChoice(Optional.empty(), candidates);
	}

	public boolean isClear() {
		return this.ticket.isPresent();
	}

}
