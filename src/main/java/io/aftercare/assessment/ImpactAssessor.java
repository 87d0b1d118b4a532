package io.aftercare.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.aftercare.customer.Contact;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerSignals;
import io.aftercare.customer.HealthEntry;
import io.aftercare.shared.jdbc.ReadOnly;
import io.aftercare.ticket.CommentAuthor;
import io.aftercare.ticket.Participant;
import io.aftercare.ticket.ParticipantSide;
import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.Ticket;
import io.aftercare.ticket.TicketComment;
import io.aftercare.tone.SentimentAnalyzer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Gathers the context of a resolved ticket from the customer and ticket records and
 * applies the {@link ImpactRules}. Callers pass a customer the signed-in CSM may see.
 */
@Service
@ReadOnly
@EnableConfigurationProperties(AssessmentSettings.class)
public class ImpactAssessor {

	/** The health chart's lead-in: how far before the opening its scores start. */
	private static final Duration TREND_BEFORE = Duration.ofDays(30);

	private static final Set<String> STOP_WORDS = Set.of("with", "from", "that", "this", "after", "when", "have",
			"into", "your", "their", "about", "not", "for", "the", "and", "are", "was", "can", "cannot", "does");

	private final CustomerBook customers;

	private final CustomerSignals signals;

	private final SupportDesk desk;

	private final AssessmentSettings settings;

	private final ImpactRules rules;

	private final ToneReader tone;

	private final Clock clock;

	ImpactAssessor(CustomerBook customers, CustomerSignals signals, SupportDesk desk, AssessmentSettings settings,
			SentimentAnalyzer analyzer, Clock clock) {
		this.customers = customers;
		this.signals = signals;
		this.desk = desk;
		this.settings = settings;
		this.rules = new ImpactRules(settings);
		this.tone = new ToneReader(analyzer);
		this.clock = clock;
	}

	/**
	 * Assesses a resolved ticket.
	 * @throws TicketNotResolvedException when the ticket is still open
	 */
	public TicketAssessment assess(Customer customer, Ticket ticket) {
		if (!ticket.isResolved()) {
			throw new TicketNotResolvedException(ticket);
		}
		TicketContext context = context(customer, ticket);
		return new TicketAssessment(context, this.rules.assess(facts(context)));
	}

	TicketContext context(Customer customer, Ticket ticket) {
		Instant now = this.clock.instant();
		Instant opened = ticket.openedAt();
		Instant resolved = ticket.resolvedAt();
		Contact requester = (ticket.requester() != null) ? this.customers.contact(ticket.requester()).orElse(null)
				: null;
		List<Participant> participants = this.desk.participants(ticket.id());
		List<HealthEntry> trend = this.customers.healthHistory(customer.id(), opened.minus(TREND_BEFORE), now);
		Integer before = this.customers.healthAt(customer.id(), opened.minusMillis(1))
			.map(HealthEntry::score)
			.orElse(null);
		Instant windowEnd = resolved.plus(this.settings.healthLag());
		Integer lowest = trend.stream()
			.filter((h) -> !h.recordedAt().isBefore(opened) && !h.recordedAt().isAfter(windowEnd))
			.map(HealthEntry::score)
			.min(Integer::compare)
			.orElse(null);
		// Boxed on purpose: a workspace without health scores has neither,
		// and a ternary of Integer and int would unbox the null.
		Integer current = trend.isEmpty() ? before : Integer.valueOf(trend.get(trend.size() - 1).score());
		Duration relatedWindow = this.settings.relatedWindow();
		List<Ticket> related = this.desk.activeBetween(customer.id(), resolved.minus(relatedWindow), resolved)
			.stream()
			.filter((other) -> !other.id().equals(ticket.id()) && isRelated(ticket, other))
			.toList();
		// Counted whole: the CSM reads the number in the assessment, once per draft.
		int resolvedLately = this.desk.countResolvedBetween(customer.id(), resolved.minus(this.settings.repeatWindow()),
				resolved, Integer.MAX_VALUE);
		List<String> customerWords = this.desk.comments(ticket.id())
			.stream()
			.filter((c) -> c.author() == CommentAuthor.CUSTOMER && c.publicComment())
			.map(TicketComment::body)
			.toList();
		return new TicketContext(ticket, customer, requester, stakeholders(participants, requester),
				participants.stream().filter((p) -> p.side() == ParticipantSide.VENDOR).toList(), before, lowest,
				current, trend, related, relatedWindow, Math.max(1, resolvedLately), customerWords,
				this.tone.read(customerWords), Duration.between(opened, resolved),
				this.signals.openRisk(customer.id(), now).orElse(null));
	}

	static TicketFacts facts(TicketContext context) {
		Ticket ticket = context.ticket();
		Customer customer = context.customer();
		return new TicketFacts(ticket.priority(), context.timeToResolve(), ticket.escalated(), ticket.reopenCount(),
				context.stakeholders().size(), context.healthDrop(), context.relatedTickets().size(),
				context.resolvedInRepeatWindow(), context.customerTone(), customer.tier(), customer.arr(),
				customer.atRisk(), (context.openRisk() != null) ? context.openRisk().detail() : null,
				ticket.productArea(), ticket.resolutionSummary());
	}

	/**
	 * People on the customer's side, each once, the requester included even if the desk
	 * left them out.
	 */
	private static List<Participant> stakeholders(List<Participant> participants, Contact requester) {
		Map<String, Participant> distinct = new LinkedHashMap<>();
		if (requester != null) {
			distinct.put(identity(requester.name(), requester.email()),
					new Participant(requester.name(), requester.email(), ParticipantSide.CUSTOMER, "Requester"));
		}
		participants.stream()
			.filter((p) -> p.side() == ParticipantSide.CUSTOMER)
			.forEach((p) -> distinct.putIfAbsent(identity(p.name(), p.email()), p));
		return List.copyOf(distinct.values());
	}

	private static String identity(String name, String email) {
		return (email != null) ? email.toLowerCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
	}

	/**
	 * Same product area, or at least a third of the subject's meaningful words in common.
	 */
	static boolean isRelated(Ticket ticket, Ticket other) {
		if (ticket.productArea() != null && ticket.productArea().equalsIgnoreCase(other.productArea())) {
			return true;
		}
		Set<String> a = words(ticket.subject());
		Set<String> b = words(other.subject());
		if (a.isEmpty() || b.isEmpty()) {
			return false;
		}
		long shared = a.stream().filter(b::contains).count();
		return shared * 3 >= Math.min(a.size(), b.size());
	}

	private static Set<String> words(String text) {
		return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((w) -> w.length() >= 3 && !STOP_WORDS.contains(w))
			.collect(Collectors.toSet());
	}

}
