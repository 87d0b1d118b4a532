package io.aftercare.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.aftercare.assessment.AssessmentSettings;
import io.aftercare.customer.Customer;
import io.aftercare.shared.NotFoundException;
import io.aftercare.shared.jdbc.ReadOnly;
import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketId;

import org.springframework.stereotype.Component;

/**
 * The one rule for which resolved ticket a CSM means, shared by the chat and the API. A
 * ticket named by id or number is meant. Otherwise the candidates are the tickets
 * resolved within the recent window ({@code aftercare.assessment.recent-window}, 90
 * days), or within the time the CSM named ("last week's ticket"), newest first, narrowed
 * to those whose subject or product area carry the CSM's words when they gave some. One
 * candidate is clearly meant, and so is the only one resolved
 * {@link TicketChoice#LATELY}; with several, the CSM chooses (the API, which cannot ask,
 * takes the most recent significant one).
 */
@Component
@ReadOnly
class TicketChoices {

	private final SupportDesk desk;

	private final AssessmentSettings assessment;

	private final TicketMatcher matcher = new TicketMatcher();

	private final Clock clock;

	TicketChoices(SupportDesk desk, AssessmentSettings assessment, Clock clock) {
		this.desk = desk;
		this.assessment = assessment;
		this.clock = clock;
	}

	/** How far back a follow-up on a resolved ticket still makes sense. */
	Duration window() {
		return this.assessment.recentWindow();
	}

	/**
	 * @throws NotFoundException when a ticket named by id or number is not the customer's
	 */
	TicketChoice choose(Customer customer, TicketQuery query) {
		if (query.ticketId() != null) {
			return TicketChoice.clear(this.desk.find(customer.id(), new TicketId(query.ticketId()))
				.orElseThrow(() -> new NotFoundException(
						"No ticket " + query.ticketId() + " for " + customer.name() + ".")));
		}
		if (query.ticketNumber() != null) {
			return TicketChoice.clear(this.desk.findByNumber(customer.id(), query.ticketNumber())
				.orElseThrow(() -> new NotFoundException(
						"No ticket " + query.ticketNumber() + " for " + customer.name() + ".")));
		}
		Instant now = this.clock.instant();
		Instant from = (query.resolvedFrom() != null) ? query.resolvedFrom() : now.minus(window());
		Instant to = (query.resolvedBefore() != null && query.resolvedBefore().isBefore(now))
				? query.resolvedBefore().minusNanos(1000) : now;
		List<Ticket> resolved = this.desk.resolvedBetween(customer.id(), from, to);
		List<Ticket> candidates = byWords(resolved, query.words());
		if (candidates.size() == 1) {
			return TicketChoice.clear(candidates.get(0));
		}
		List<Ticket> recent = candidates.stream()
			.filter((ticket) -> ticket.resolvedAt().isAfter(now.minus(TicketChoice.LATELY)))
			.toList();
		if (recent.size() == 1) {
			return TicketChoice.clear(recent.get(0));
		}
		if (candidates.isEmpty()) {
			// Words that match nothing: every resolved ticket is a candidate.
			return TicketChoice.among(resolved);
		}
		return TicketChoice.among(recent.isEmpty() ? candidates : recent);
	}

	/**
	 * The tickets whose subject or product area carry the words, best match first; all of
	 * them when there are no words, and none when no ticket carries them.
	 */
	private List<Ticket> byWords(List<Ticket> resolved, List<String> words) {
		if (words.isEmpty()) {
			return resolved;
		}
		List<Long> ids = this.matcher.match(words,
				resolved.stream()
					.map((t) -> new TicketText(t.id().value(), t.number(), t.subject(), t.productArea()))
					.toList());
		return ids.stream().flatMap((id) -> resolved.stream().filter((t) -> t.id().value() == id)).toList();
	}

}
