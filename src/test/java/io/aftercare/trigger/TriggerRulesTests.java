package io.aftercare.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.aftercare.ticket.TicketPriority;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerRulesTests {

	private static final Instant RESOLVED = Instant.parse("2026-11-20T10:00:00Z");

	private static final Instant OPENED = RESOLVED.minus(Duration.ofHours(4 * 24 + 6));

	private final TriggerRules rules = new TriggerRules(settings(true, true, true, true));

	private static TriggerSettings settings(boolean urgent, boolean repeat, boolean atRisk, boolean badRating) {
		return new TriggerSettings(true, Duration.ofHours(2), Duration.ofDays(7), Duration.ofDays(14),
				Duration.ofHours(24),
				new TriggerSettings.Urgent(urgent, Set.of(TicketPriority.HIGH, TicketPriority.URGENT)),
				new TriggerSettings.Repeat(repeat, 2, Duration.ofDays(30)), new TriggerSettings.Rule(atRisk),
				new TriggerSettings.Rule(badRating), new TriggerSettings.Notice(false, "a@b.example", null, "x"),
				Duration.ofMinutes(1));
	}

	private static TriggerRules.Resolution resolution(TicketPriority priority, boolean atRisk, int inWindow) {
		return new TriggerRules.Resolution("TF-2024-0847", priority, OPENED, RESOLVED, atRisk, null, inWindow);
	}

	@Test
	void saysWhyAnUrgentOrHighPriorityTicketCallsForAFollowUp() {
		assertThat(this.rules.reasons(resolution(TicketPriority.URGENT, false, 1)))
			.containsExactly("urgent ticket TF-2024-0847 resolved after over 4 days");
		assertThat(this.rules.reasons(resolution(TicketPriority.HIGH, false, 1)))
			.containsExactly("high-priority ticket TF-2024-0847 resolved after over 4 days");
		assertThat(this.rules.reasons(resolution(TicketPriority.NORMAL, false, 1))).isEmpty();
	}

	@Test
	void countsTheSecondAndThirdTicketOfTheWindow() {
		assertThat(this.rules.reasons(resolution(TicketPriority.LOW, false, 2)))
			.containsExactly("second ticket resolved for them within 30 days");
		assertThat(this.rules.reasons(resolution(TicketPriority.LOW, false, 3)))
			.containsExactly("third ticket resolved for them within 30 days");
		assertThat(this.rules.reasons(resolution(TicketPriority.LOW, false, 21)))
			.containsExactly("21st ticket resolved for them within 30 days");
		assertThat(this.rules.reasons(resolution(TicketPriority.LOW, false, 12)))
			.containsExactly("12th ticket resolved for them within 30 days");
		assertThat(this.rules.reasons(resolution(TicketPriority.LOW, false, 53)))
			.containsExactly("53rd ticket resolved for them within 30 days");
	}

	@Test
	void aCustomerWithHundredsOfTicketsAMonthIsCountedOnlySoFar() {
		assertThat(this.rules.reasons(resolution(TicketPriority.LOW, false, TriggerRules.COUNTED_AT_MOST)))
			.containsExactly("100 or more tickets resolved for them within 30 days");
	}

	@Test
	void picksOutAnyTicketOfACustomerAtRiskAndGivesEveryReasonThatApplies() {
		assertThat(this.rules.reasons(resolution(TicketPriority.URGENT, true, 2))).containsExactly(
				"urgent ticket TF-2024-0847 resolved after over 4 days",
				"second ticket resolved for them within 30 days",
				"ticket TF-2024-0847 resolved for a customer at risk");
	}

	@Test
	void aCustomerWhoseLastAnswerReadFrustratedIsAtRiskAndTheReasonSaysWhy() {
		assertThat(this.rules.reasons(new TriggerRules.Resolution("TF-2024-0847", TicketPriority.LOW, OPENED, RESOLVED,
				false, "their answer to a follow-up read frustrated", 1)))
			.containsExactly(
					"ticket TF-2024-0847 resolved for a customer at risk: their answer to a follow-up read frustrated");
	}

	@Test
	void aRuleSwitchedOffSaysNothing() {
		TriggerRules quiet = new TriggerRules(settings(false, false, false, false));
		assertThat(quiet.reasons(resolution(TicketPriority.URGENT, true, 3))).isEmpty();
		assertThat(quiet.reasonsForBadRating("TF-2024-0847")).isEmpty();
		assertThat(this.rules.reasonsForBadRating("TF-2024-0847"))
			.containsExactly("bad satisfaction rating on ticket TF-2024-0847");
	}

}
