package io.aftercare.connector;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.aftercare.ingestion.IncomingParticipant;
import io.aftercare.ingestion.IncomingTicket;
import io.aftercare.shared.SourceKey;
import io.aftercare.ticket.Participant;
import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketId;

import org.springframework.stereotype.Service;

/**
 * Completes tickets a desk told only part of from what is stored, because the ingestion
 * door replaces a ticket's fields with what it is sent. A field left null is one the desk
 * did not tell.
 */
@Service
public class KnownTickets {

	private final SupportDesk desk;

	KnownTickets(SupportDesk desk) {
		this.desk = desk;
	}

	/**
	 * Each ticket with each field the desk did not tell taken from the stored ticket, in
	 * two reads for all of them (the stored tickets, and the participants of those told
	 * without theirs). A resolved ticket whose resolution time is not told keeps the
	 * stored one, or else gets its {@code resolvedOtherwise}; a missing subject or
	 * priority falls back to the stored one, or to {@code #id} and normal. A ticket told
	 * twice is completed from what was stored before either.
	 */
	public List<DeskTicket> complete(List<ToldTicket> told) {
		Map<SourceKey, Ticket> stored = this.desk.findBySources(told.stream().map(KnownTickets::key).toList());
		Map<TicketId, List<Participant>> participants = this.desk.participants(told.stream()
			.filter((t) -> t.ticket().ticket().participants() == null)
			.map((t) -> stored.get(key(t)))
			.filter(Objects::nonNull)
			.map(Ticket::id)
			.collect(Collectors.toSet()));
		return told.stream().map((t) -> {
			DeskTicket desk = t.ticket();
			Ticket known = stored.get(key(t));
			List<Participant> knownParticipants = (known != null) ? participants.getOrDefault(known.id(), List.of())
					: null;
			return new DeskTicket(desk.account(), desk.requester(),
					complete(desk.ticket(), t.resolvedOtherwise(), known, knownParticipants));
		}).toList();
	}

	private static SourceKey key(ToldTicket told) {
		return new SourceKey(told.ticket().ticket().source(), told.ticket().ticket().externalId());
	}

	private static IncomingTicket complete(IncomingTicket told, Instant resolvedOtherwise, Ticket known,
			List<Participant> knownParticipants) {
		boolean resolved = told.status() != null
				&& (told.status().equalsIgnoreCase("solved") || told.status().equalsIgnoreCase("closed"));
		Instant resolvedAt = told.resolvedAt();
		if (resolved && resolvedAt == null) {
			resolvedAt = (known != null && known.isResolved()) ? known.resolvedAt() : resolvedOtherwise;
		}
		List<IncomingParticipant> participants = told.participants();
		if (participants == null && known != null) {
			participants = knownParticipants.stream()
				.map((p) -> new IncomingParticipant(p.name(), p.email(), p.side().name(), p.role()))
				.toList();
		}
		return new IncomingTicket(told.source(), told.externalId(), told.number(), told.customer(), null, null,
				or(told.subject(), (known != null) ? known.subject() : "#" + told.externalId()),
				or(told.description(), (known != null) ? known.description() : null),
				or(told.productArea(), (known != null) ? known.productArea() : null),
				or(told.priority(), (known != null) ? known.priority().name() : "NORMAL"), told.status(),
				or(told.openedAt(), (known != null) ? known.openedAt() : null), resolvedAt,
				or(told.reopenedAt(), (known != null) ? known.reopenedAt() : null), reopens(told.reopenCount(), known),
				told.requester(), or(told.escalated(), (known != null) ? known.escalated() : null),
				or(told.escalatedTo(), (known != null) ? known.escalatedTo() : null),
				or(told.resolutionSummary(), (known != null) ? known.resolutionSummary() : null),
				or(told.satisfactionRating(), (known != null) ? known.satisfactionRating() : null),
				or(told.tags(), (known != null) ? known.tags() : null), participants, told.comments());
	}

	/**
	 * A reopen count never goes down: a desk that reports fewer reopenings than Aftercare
	 * counted (from a webhook that showed the ticket open again) reports less than it
	 * knows.
	 */
	private static Integer reopens(Integer told, Ticket known) {
		if (known == null) {
			return told;
		}
		return (told != null) ? Math.max(told, known.reopenCount()) : known.reopenCount();
	}

	private static <T> T or(T told, T known) {
		return (told != null) ? told : known;
	}

}
