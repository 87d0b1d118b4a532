package io.aftercare.assessment;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.aftercare.assessment.AssessmentSettings.Weights;
import io.aftercare.customer.CustomerTier;
import io.aftercare.ticket.TicketDurations;
import io.aftercare.ticket.TicketPriority;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Decides how personal the follow-up on a resolved ticket should be, and says why.
 * <p>
 * Each factor (priority, time to resolve against what its priority should take,
 * escalation, reopens, health drop, stakeholders, related tickets, tone, tier, ARR) adds
 * its weight to a score; the score against the thresholds gives the level. Then floors
 * apply: an at-risk customer, a customer with many tickets resolved recently, or an angry
 * customer gets at least a {@link FollowUpLevel#MODERATE} follow-up. The reasons name
 * only what counted. All numbers come from {@link AssessmentSettings}.
 */
public final class ImpactRules {

	// Words naming help material a resolution can point to, and words before them that
	// are not part of the name: "sent the guide" gives "the guide", not "the the guide".
	private static final Pattern HELP_MATERIAL = Pattern.compile(
			"\\b(?:(\\p{L}[\\p{L}-]*)\\s+)?(guide|documentation|docs|article|tutorial|walkthrough|playbook|runbook)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Set<String> NOT_PART_OF_A_NAME = Set.of("a", "an", "the", "our", "their", "your", "this",
			"that", "these", "those", "and", "or", "with", "to", "of", "in", "on", "for", "per", "via", "see", "sent",
			"shared", "provided", "linked", "updated");

	private final AssessmentSettings settings;

	/**
	 * Rules that use the given settings.
	 * @param settings the weights, thresholds and expectations to apply
	 */
	public ImpactRules(AssessmentSettings settings) {
		Assert.notNull(settings, "Settings must not be null");
		this.settings = settings;
	}

	/**
	 * Assess a resolved ticket.
	 * @param facts what is known about the ticket and its customer
	 * @return the follow-up level, its reasons, offers and reminders
	 */
	public ImpactAssessment assess(TicketFacts facts) {
		Assert.notNull(facts, "Ticket facts must not be null");
		List<Finding> findings = Stream
			.of(severity(facts), resolutionTime(facts), escalation(facts), reopens(facts), healthDrop(facts),
					stakeholders(facts), relatedTickets(facts), tone(facts), tier(facts), revenue(facts))
			.filter(Finding::counts)
			.toList();
		int score = findings.stream().mapToInt(Finding::points).sum();
		FollowUpLevel level = levelFor(score);
		List<String> reasons = new ArrayList<>(findings.stream().map(Finding::reason).toList());
		for (String floor : floors(facts)) {
			level = level.atLeast(FollowUpLevel.MODERATE);
			if (!reasons.contains(floor)) {
				reasons.add(floor);
			}
		}
		if (reasons.isEmpty()) {
			// Nothing counted: say what kind of ticket it was, so the CSM still sees why
			// a simple acknowledgment is enough.
			reasons.add(severity(facts).reason());
		}
		return new ImpactAssessment(level, reasons, offers(facts, level), reminders(facts, level), isLate(facts));
	}

	private FollowUpLevel levelFor(int score) {
		if (score >= this.settings.thresholds().major()) {
			return FollowUpLevel.MAJOR;
		}
		if (score >= this.settings.thresholds().moderate()) {
			return FollowUpLevel.MODERATE;
		}
		return FollowUpLevel.MINOR;
	}

	private Finding severity(TicketFacts facts) {
		Weights weights = this.settings.weights();
		int points = switch (facts.priority()) {
			case LOW -> 0;
			case NORMAL -> weights.normalPriority();
			case HIGH -> weights.highPriority();
			case URGENT -> weights.urgentPriority();
		};
		String reason = switch (facts.priority()) {
			case LOW -> "Low-priority ticket";
			case NORMAL -> "Normal-priority ticket";
			case HIGH -> "High-severity ticket";
			case URGENT -> "Urgent ticket";
		};
		if (!isLate(facts)) {
			reason += ", resolved in " + TicketDurations.describe(facts.timeToResolve());
		}
		return new Finding(points, reason);
	}

	private Finding resolutionTime(TicketFacts facts) {
		if (!isLate(facts)) {
			return Finding.NONE;
		}
		Duration expected = expectedResolution(facts);
		Duration taken = facts.timeToResolve();
		long multiple = taken.dividedBy(expected);
		String kind = ticketOfPriority(facts.priority());
		if (multiple >= 2) {
			String beyond = (expected.multipliedBy(multiple).equals(taken)) ? "" : "more than ";
			return new Finding(this.settings.weights().verySlowResolution(), "Open %s, %s%s what %s should take"
				.formatted(TicketDurations.describe(taken), beyond, timesOver(multiple), kind));
		}
		return new Finding(this.settings.weights().slowResolution(), "Open %s, more than the %s %s should take"
			.formatted(TicketDurations.describe(taken), TicketDurations.describe(expected), kind));
	}

	private boolean isLate(TicketFacts facts) {
		return facts.timeToResolve().compareTo(expectedResolution(facts)) > 0;
	}

	private Duration expectedResolution(TicketFacts facts) {
		return this.settings.expectedResolution().of(facts.priority());
	}

	private Finding escalation(TicketFacts facts) {
		return facts.escalated() ? new Finding(this.settings.weights().escalation(), "Escalated to engineering")
				: Finding.NONE;
	}

	private Finding reopens(TicketFacts facts) {
		int reopens = facts.reopenCount();
		if (reopens == 0) {
			return Finding.NONE;
		}
		String reason = switch (reopens) {
			case 1 -> "Reopened once";
			case 2 -> "Reopened twice";
			default -> "Reopened " + reopens + " times";
		};
		return new Finding(this.settings.weights().reopen() * reopens, reason);
	}

	private Finding healthDrop(TicketFacts facts) {
		Integer drop = facts.healthDrop();
		// An unknown drop counts as none: missing data should not raise the level.
		if (drop == null || drop < this.settings.notableHealthDrop()) {
			return Finding.NONE;
		}
		Weights weights = this.settings.weights();
		int points = (drop >= this.settings.severeHealthDrop()) ? weights.severeHealthDrop()
				: weights.notableHealthDrop();
		return new Finding(points, "Health score dropped %s while it was open".formatted(count(drop, "point")));
	}

	private Finding stakeholders(TicketFacts facts) {
		int people = facts.customerStakeholders();
		if (people < this.settings.manyStakeholders()) {
			return Finding.NONE;
		}
		String reason = (people == 1) ? "1 person on their side was involved"
				: people + " people on their side were involved";
		return new Finding(this.settings.weights().manyStakeholders(), reason);
	}

	private Finding relatedTickets(TicketFacts facts) {
		int related = facts.relatedTickets();
		if (related == 0) {
			return Finding.NONE;
		}
		return new Finding(this.settings.weights().relatedTickets(), "%s in the last %s"
			.formatted(count(related, "related ticket"), TicketDurations.describe(this.settings.relatedWindow())));
	}

	private Finding tone(TicketFacts facts) {
		return switch (facts.customerTone()) {
			case FRUSTRATED ->
				new Finding(this.settings.weights().frustratedTone(), "Their comments sounded frustrated");
			case ANGRY -> new Finding(this.settings.weights().angryTone(), angryReason());
			case POSITIVE, NEUTRAL -> Finding.NONE;
		};
	}

	private Finding tier(TicketFacts facts) {
		return switch (facts.tier()) {
			case ENTERPRISE -> new Finding(this.settings.weights().enterpriseTier(), "Enterprise customer");
			case STRATEGIC -> new Finding(this.settings.weights().strategicTier(), "Strategic customer");
			case SMB, MID_MARKET -> Finding.NONE;
		};
	}

	private Finding revenue(TicketFacts facts) {
		if (facts.arr() == null || facts.arr().compareTo(this.settings.highArr()) < 0) {
			return Finding.NONE;
		}
		String arr = String.format(Locale.ROOT, "%,d", facts.arr().setScale(0, RoundingMode.HALF_UP).toBigInteger());
		return new Finding(this.settings.weights().highArr(), "ARR of " + arr);
	}

	// Facts that call for at least a satisfaction check whatever the score: the
	// relationship is fragile, the customer keeps needing support, or they were angry.
	private List<String> floors(TicketFacts facts) {
		List<String> floors = new ArrayList<>();
		if (facts.riskSignal() != null) {
			floors.add("Customer is at risk: " + facts.riskSignal());
		}
		else if (facts.atRisk()) {
			floors.add("Customer is at risk");
		}
		if (facts.resolvedInRepeatWindow() >= this.settings.repeatTickets()) {
			floors.add("%s resolved in the last %s".formatted(count(facts.resolvedInRepeatWindow(), "ticket"),
					TicketDurations.describe(this.settings.repeatWindow())));
		}
		if (facts.customerTone() == Tone.ANGRY) {
			floors.add(angryReason());
		}
		return floors;
	}

	private static String angryReason() {
		return "Their comments sounded angry";
	}

	/**
	 * What more the CSM can offer. The metrics check a major follow-up promises is its
	 * reminder, not an offer: the email says it once.
	 */
	private List<Offer> offers(TicketFacts facts, FollowUpLevel level) {
		List<Offer> offers = new ArrayList<>();
		helpMaterial(facts.resolutionSummary()).ifPresent((material) -> offers.add((level == FollowUpLevel.MINOR)
				? same("A link back to the %s in case questions come up".formatted(material))
				: same("A short call to walk through the %s".formatted(material))));
		if (level == FollowUpLevel.MAJOR
				&& (facts.tier() == CustomerTier.ENTERPRISE || facts.tier() == CustomerTier.STRATEGIC)) {
			offers.add(
					new Offer("An executive sponsor check-in", "A call with one of our executives, if you'd like one"));
		}
		boolean recurring = facts.relatedTickets() > 0
				|| facts.resolvedInRepeatWindow() >= this.settings.repeatTickets();
		if (level != FollowUpLevel.MINOR && recurring) {
			offers.add(new Offer("A review of their recent tickets to look for a pattern",
					"A review of your recent tickets together, to look for a pattern"));
		}
		return offers;
	}

	private static Offer same(String wording) {
		return new Offer(wording, wording);
	}

	private List<SuggestedReminder> reminders(TicketFacts facts, FollowUpLevel level) {
		return switch (level) {
			case MAJOR -> List.of(majorReminder(facts));
			case MODERATE -> List.of(new SuggestedReminder(this.settings.moderateReminder(),
					"Confirm the fix is holding", "check that the fix is still holding"));
			case MINOR -> List.of();
		};
	}

	private SuggestedReminder majorReminder(TicketFacts facts) {
		Period dueIn = this.settings.majorReminder();
		if (StringUtils.hasText(facts.productArea())) {
			String area = facts.productArea().strip();
			// An API has metrics its customer watches (the PRD's "check your API
			// metrics"); "your Payments metrics" or "your Documents metrics" would read
			// as a form letter, so other areas are looked in on.
			return area.equalsIgnoreCase("API")
					? new SuggestedReminder(dueIn, "Check %s metrics".formatted(area),
							"check your %s metrics".formatted(area))
					: new SuggestedReminder(dueIn, "Check in on %s".formatted(area),
							"check how things look on the %s side".formatted(area));
		}
		if (StringUtils.hasText(facts.resolutionSummary())) {
			return new SuggestedReminder(dueIn, "Check in on the fix: " + facts.resolutionSummary().strip(),
					"check that the fix is still holding");
		}
		return new SuggestedReminder(dueIn, "Check in on the resolved ticket", "check in on how things are going");
	}

	private static Optional<String> helpMaterial(String resolutionSummary) {
		if (resolutionSummary == null) {
			return Optional.empty();
		}
		Matcher match = HELP_MATERIAL.matcher(resolutionSummary);
		if (!match.find()) {
			return Optional.empty();
		}
		String name = match.group(1);
		String material = (name != null && !NOT_PART_OF_A_NAME.contains(name.toLowerCase(Locale.ROOT)))
				? name + " " + match.group(2) : match.group(2);
		return Optional.of(lowerFirstLetter(material));
	}

	// "Optimization guide" at the start of a sentence reads "the optimization guide";
	// an acronym such as "API guide" keeps its capitals.
	private static String lowerFirstLetter(String text) {
		if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
			return Character.toLowerCase(text.charAt(0)) + text.substring(1);
		}
		return text;
	}

	private static String ticketOfPriority(TicketPriority priority) {
		return switch (priority) {
			case LOW -> "a low-priority ticket";
			case NORMAL -> "a normal-priority ticket";
			case HIGH -> "a high-priority ticket";
			case URGENT -> "an urgent ticket";
		};
	}

	private static String timesOver(long multiple) {
		if (multiple == 2) {
			return "twice";
		}
		if (multiple == 3) {
			return "three times";
		}
		return multiple + " times";
	}

	private static String count(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

	/**
	 * What one factor added to the score, and how to say it.
	 */
	private record Finding(int points, String reason) {

		static final Finding NONE = new Finding(0, "");

		boolean counts() {
			return this.points > 0;
		}

	}

}
