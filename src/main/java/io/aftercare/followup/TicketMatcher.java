package io.aftercare.followup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.aftercare.ticket.Ticket;

/**
 * Finds the tickets a few words describe ("api" for "API rate limiting causing sync
 * failures"), searching subjects and product areas.
 * <p>
 * A word matches the start of a word of the ticket, in any case, a plural "s" ignored on
 * both sides: "limits" finds "limiting", "failure" finds "failures", but "flow" does not
 * find "workflow". A word of digits also matches the last digits of the ticket's number
 * ("0847" for TF-2024-0847). Tickets matching more of the words come first; ties keep the
 * order given, so pass the newest first.
 */
final class TicketMatcher {

	private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");

	// Shorter words are stop words or noise and would match nearly every ticket.
	private static final int SHORTEST_WORD = 2;

	/**
	 * The ids of the tickets the words describe, best first.
	 * @param ticketWords the describing words; may be {@code null} or empty
	 * @param tickets the tickets to search; may be {@code null}
	 * @return the ids of the matching tickets, best first; empty when no words were given
	 */
	List<Long> match(List<String> ticketWords, List<TicketText> tickets) {
		if (ticketWords == null || tickets == null) {
			return List.of();
		}
		List<String> wanted = ticketWords.stream()
			.filter(Objects::nonNull)
			.flatMap(TicketMatcher::words)
			.filter((word) -> word.length() >= SHORTEST_WORD)
			.distinct()
			.toList();
		if (wanted.isEmpty()) {
			return List.of();
		}
		List<Scored> scored = new ArrayList<>();
		for (TicketText ticket : tickets) {
			if (ticket == null) {
				continue;
			}
			List<String> words = words(text(ticket.subject()) + " " + text(ticket.productArea())).toList();
			int score = (int) wanted.stream()
				.filter((word) -> words.stream().anyMatch((w) -> w.startsWith(word))
						|| Ticket.numberEndsIn(ticket.number(), word))
				.count();
			if (score > 0) {
				scored.add(new Scored(ticket.id(), score));
			}
		}
		// A stable sort, so equally good tickets keep the caller's order.
		scored.sort(Comparator.comparingInt(Scored::score).reversed());
		return scored.stream().map(Scored::id).toList();
	}

	private static String text(String text) {
		return (text != null) ? text : "";
	}

	private static Stream<String> words(String text) {
		return Arrays.stream(NOT_LETTERS_OR_DIGITS.split(text.toLowerCase(Locale.ROOT)))
			.filter((word) -> !word.isEmpty())
			.map(TicketMatcher::singular);
	}

	private static String singular(String word) {
		// "queries" and "query" meet at "query"; "sso" and "access" keep their s.
		if (word.length() > 4 && word.endsWith("ies")) {
			return word.substring(0, word.length() - 3) + "y";
		}
		if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
			return word.substring(0, word.length() - 1);
		}
		return word;
	}

	private record Scored(long id, int score) {
	}

}
