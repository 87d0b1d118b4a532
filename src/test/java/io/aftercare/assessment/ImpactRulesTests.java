package io.aftercare.assessment;

import java.time.Duration;
import java.time.Period;
import java.util.stream.Stream;

import io.aftercare.customer.CustomerTier;
import io.aftercare.ticket.TicketPriority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.aftercare.assessment.FollowUpLevel.MAJOR;
import static io.aftercare.assessment.FollowUpLevel.MINOR;
import static io.aftercare.assessment.FollowUpLevel.MODERATE;
import static io.aftercare.ticket.TicketPriority.HIGH;
import static io.aftercare.ticket.TicketPriority.LOW;
import static io.aftercare.ticket.TicketPriority.NORMAL;
import static io.aftercare.ticket.TicketPriority.URGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class ImpactRulesTests {

	private final ImpactRules rules = new ImpactRules(AssessmentSettings.defaults());

	static Stream<Arguments> scenarios() {
		return Stream.of(
				scenario("PRD: TechFlow's slow, escalated API ticket", ResolvedTicket.techFlow(), MAJOR,
						"Open 4 days, twice what a high-priority ticket should take"),
				scenario("Low-priority how-to question answered in an hour", ResolvedTicket.quiet(), MINOR,
						"Low-priority ticket, resolved in an hour"),
				scenario("Grateful customer's question answered in 40 minutes",
						ResolvedTicket.quiet().openFor(Duration.ofMinutes(40)).tone(Tone.POSITIVE), MINOR,
						"Low-priority ticket, resolved in 40 minutes"),
				scenario("Normal-priority bug fixed in 2 days and reopened once",
						ResolvedTicket.quiet().priority(NORMAL).openFor(Duration.ofDays(2)).reopened(1), MODERATE,
						"Reopened once"),
				scenario("Trivial question from an at-risk customer", ResolvedTicket.quiet().atRisk(), MODERATE,
						"Customer is at risk"),
				scenario("Trivial question from a customer whose last answer read frustrated",
						ResolvedTicket.quiet().riskSignal("their answer to a follow-up read frustrated"), MODERATE,
						"Customer is at risk: their answer to a follow-up read frustrated"),
				scenario("Third ticket resolved within 30 days", ResolvedTicket.quiet().resolvedTickets(3), MODERATE,
						"3 tickets resolved in the last 30 days"),
				scenario("Second ticket resolved within 30 days", ResolvedTicket.quiet().resolvedTickets(2), MINOR,
						"Low-priority ticket, resolved in an hour"),
				scenario("No ticket counted yet in the last 30 days", ResolvedTicket.quiet().resolvedTickets(0), MINOR,
						"Low-priority ticket, resolved in an hour"),
				scenario("Urgent outage open for three days",
						ResolvedTicket.quiet().priority(URGENT).openFor(Duration.ofDays(3)), MAJOR,
						"Open 3 days, three times what an urgent ticket should take"),
				scenario("Urgent outage open for over four days",
						ResolvedTicket.quiet().priority(URGENT).openFor(Duration.ofHours(4 * 24 + 12)), MAJOR,
						"Open over 4 days, more than 4 times what an urgent ticket should take"),
				scenario("Angry comments on a small ticket", ResolvedTicket.quiet().tone(Tone.ANGRY), MODERATE,
						"Their comments sounded angry"),
				scenario("Frustrated comments on a small ticket", ResolvedTicket.quiet().tone(Tone.FRUSTRATED), MINOR,
						"Their comments sounded frustrated"),
				scenario("Small ticket from a strategic customer with a big ARR",
						ResolvedTicket.quiet().tier(CustomerTier.STRATEGIC).arr(500_000), MODERATE, "ARR of 500,000"),
				scenario("Small ticket from a strategic customer right at the high-ARR line",
						ResolvedTicket.quiet().tier(CustomerTier.STRATEGIC).arr(100_000), MODERATE, "ARR of 100,000"),
				scenario("High-severity ticket resolved exactly in its expected time",
						ResolvedTicket.quiet().priority(HIGH).openFor(Duration.ofDays(2)), MINOR,
						"High-severity ticket, resolved in 2 days"),
				scenario("Severe health drop just below the severe line during a normal ticket",
						ResolvedTicket.quiet().priority(NORMAL).healthDrop(4), MINOR,
						"Health score dropped 4 points while it was open"),
				scenario("Small ticket from an enterprise customer",
						ResolvedTicket.quiet().tier(CustomerTier.ENTERPRISE).arr(180_000), MINOR,
						"Enterprise customer"),
				scenario("Small ticket from a mid-market customer with a big ARR",
						ResolvedTicket.quiet().tier(CustomerTier.MID_MARKET).arr(250_000), MINOR, "ARR of 250,000"),
				scenario("High-severity ticket escalated but fixed in 6 hours",
						ResolvedTicket.quiet().priority(HIGH).openFor(Duration.ofHours(6)).escalated(), MODERATE,
						"Escalated to engineering"),
				scenario("Low-priority ticket escalated but fixed in an hour", ResolvedTicket.quiet().escalated(),
						MINOR, "Escalated to engineering"),
				scenario("TechFlow's ticket without health data", ResolvedTicket.techFlow().healthDrop(null), MAJOR,
						"3 people on their side were involved"),
				scenario("Normal ticket of a customer whose health is unknown",
						ResolvedTicket.quiet().priority(NORMAL).openFor(Duration.ofDays(1)).healthDrop(null), MINOR,
						"Normal-priority ticket, resolved in 24 hours"),
				scenario("Severe health drop during a normal ticket",
						ResolvedTicket.quiet().priority(NORMAL).healthDrop(5), MODERATE,
						"Health score dropped 5 points while it was open"),
				scenario("Notable health drop during a low-priority ticket", ResolvedTicket.quiet().healthDrop(3),
						MINOR, "Health score dropped 3 points while it was open"),
				scenario("Health improved during a normal ticket",
						ResolvedTicket.quiet().priority(NORMAL).openFor(Duration.ofDays(2)).healthDrop(-4), MINOR,
						"Normal-priority ticket, resolved in 2 days"),
				scenario("Normal ticket a day over its expected time",
						ResolvedTicket.quiet().priority(NORMAL).openFor(Duration.ofDays(4)), MINOR,
						"Open 4 days, more than the 3 days a normal-priority ticket should take"),
				scenario("Normal ticket open twice its expected time",
						ResolvedTicket.quiet().priority(NORMAL).openFor(Duration.ofDays(6)), MODERATE,
						"Open 6 days, twice what a normal-priority ticket should take"),
				scenario("Low-priority ticket open twice its expected time",
						ResolvedTicket.quiet().openFor(Duration.ofDays(10)), MODERATE,
						"Open 10 days, twice what a low-priority ticket should take"),
				scenario("High-severity ticket an hour late",
						ResolvedTicket.quiet().priority(HIGH).openFor(Duration.ofHours(49)), MODERATE,
						"Open over 2 days, more than the 2 days a high-priority ticket should take"),
				scenario("Urgent ticket six hours late",
						ResolvedTicket.quiet().priority(URGENT).openFor(Duration.ofHours(30)), MODERATE,
						"Open 30 hours, more than the 24 hours an urgent ticket should take"),
				scenario("Normal ticket resolved in a day and a half",
						ResolvedTicket.quiet().priority(NORMAL).openFor(Duration.ofHours(36)), MINOR,
						"Normal-priority ticket, resolved in 36 hours"),
				scenario("High-severity ticket a day late",
						ResolvedTicket.quiet().priority(HIGH).openFor(Duration.ofDays(3)), MODERATE,
						"Open 3 days, more than the 2 days a high-priority ticket should take"),
				scenario("Normal ticket that three of their people followed",
						ResolvedTicket.quiet().priority(NORMAL).stakeholders(3), MODERATE,
						"3 people on their side were involved"),
				scenario("Normal ticket that two of their people followed",
						ResolvedTicket.quiet().priority(NORMAL).stakeholders(2), MINOR,
						"Normal-priority ticket, resolved in an hour"),
				scenario("Low-priority ticket reopened twice", ResolvedTicket.quiet().reopened(2), MODERATE,
						"Reopened twice"),
				scenario("Low-priority ticket reopened once", ResolvedTicket.quiet().reopened(1), MINOR,
						"Reopened once"),
				scenario("Normal ticket with two related tickets this month",
						ResolvedTicket.quiet().priority(NORMAL).relatedTickets(2), MODERATE,
						"2 related tickets in the last 30 days"),
				scenario("Urgent ticket fixed within the hour", ResolvedTicket.quiet().priority(URGENT), MODERATE,
						"Urgent ticket, resolved in an hour"),
				scenario("Urgent ticket fixed fast but escalated with four of their people involved",
						ResolvedTicket.quiet()
							.priority(URGENT)
							.openFor(Duration.ofHours(5))
							.escalated()
							.stakeholders(4),
						MAJOR, "4 people on their side were involved"),
				scenario("High-severity ticket twice over time with a frustrated customer",
						ResolvedTicket.quiet().priority(HIGH).openFor(Duration.ofDays(4)).tone(Tone.FRUSTRATED), MAJOR,
						"Their comments sounded frustrated"),
				scenario("At-risk customer with a major ticket stays major", ResolvedTicket.techFlow().atRisk(), MAJOR,
						"Customer is at risk"),
				scenario("Angry customer after an urgent outage stays major",
						ResolvedTicket.quiet().priority(URGENT).openFor(Duration.ofDays(2)).tone(Tone.ANGRY), MAJOR,
						"Their comments sounded angry"));
	}

	private static Arguments scenario(String name, ResolvedTicket ticket, FollowUpLevel level, String reason) {
		return argumentSet(name, ticket.facts(), level, reason);
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void decidesTheLevelAndSaysWhy(TicketFacts facts, FollowUpLevel level, String reason) {
		ImpactAssessment assessment = this.rules.assess(facts);
		assertThat(assessment.level()).isEqualTo(level);
		assertThat(assessment.reasons()).contains(reason);
	}

	@Test
	void aResolutionIsLateOnlyWhenItTookLongerThanItsPriorityShould() {
		assertThat(this.rules.assess(ResolvedTicket.techFlow().facts()).resolvedLate()).isTrue();
		assertThat(this.rules.assess(ResolvedTicket.quiet().priority(HIGH).openFor(Duration.ofHours(49)).facts())
			.resolvedLate()).isTrue();
		assertThat(this.rules.assess(ResolvedTicket.quiet().priority(HIGH).openFor(Duration.ofDays(2)).facts())
			.resolvedLate()).as("exactly the two days a high-priority ticket should take").isFalse();
		assertThat(this.rules.assess(ResolvedTicket.quiet().openFor(Duration.ofHours(3)).atRisk().facts()))
			.as("a short low-priority ticket of an at-risk customer")
			.extracting(ImpactAssessment::resolvedLate)
			.isEqualTo(false);
	}

	@Test
	void explainsTechFlowsTicketWithEveryFactorThatCounted() {
		ImpactAssessment assessment = this.rules.assess(ResolvedTicket.techFlow().facts());
		assertThat(assessment.reasons()).containsExactly("High-severity ticket",
				"Open 4 days, twice what a high-priority ticket should take", "Escalated to engineering",
				"Health score dropped 6 points while it was open", "3 people on their side were involved",
				"Their comments sounded frustrated", "Enterprise customer", "ARR of 180,000");
	}

	@Test
	void remindsToCheckTechFlowsApiMetricsInAWeek() {
		ImpactAssessment assessment = this.rules.assess(ResolvedTicket.techFlow().facts());
		assertThat(assessment.reminders())
			.containsExactly(new SuggestedReminder(Period.ofDays(7), "Check API metrics", "check your API metrics"));
	}

	@Test
	void looksInOnAnAreaWithoutMetricsRatherThanPromisingItsMetrics() {
		ImpactAssessment assessment = this.rules.assess(ResolvedTicket.techFlow().productArea("Payments").facts());
		assertThat(assessment.reminders()).containsExactly(new SuggestedReminder(Period.ofDays(7),
				"Check in on Payments", "check how things look on the Payments side"));
	}

	@Test
	void offersTechFlowAWalkThroughTheGuideAndAnExecutiveSponsorInTheirWordsAndTheCustomers() {
		ImpactAssessment assessment = this.rules.assess(ResolvedTicket.techFlow().facts());
		assertThat(assessment.offers()).extracting(Offer::forCsm)
			.containsExactly("A short call to walk through the optimization guide", "An executive sponsor check-in");
		assertThat(assessment.offers()).extracting(Offer::forCustomer)
			.containsExactly("A short call to walk through the optimization guide",
					"A call with one of our executives, if you'd like one");
	}

	@Test
	void neverSpeaksOfTheCustomerInTheThirdPersonInWhatTheEmailSays() {
		ImpactAssessment assessment = this.rules
			.assess(ResolvedTicket.techFlow().resolvedTickets(3).resolution("Linked the docs on SSO").facts());
		assertThat(assessment.offers()).extracting(Offer::forCustomer)
			.isNotEmpty()
			.allSatisfy((offer) -> assertThat(offer).doesNotContainIgnoringCase("their"));
		assertThat(assessment.reminders()).extracting(SuggestedReminder::promise)
			.allSatisfy((promise) -> assertThat(promise).doesNotContainIgnoringCase("their"));
	}

	@Test
	void acknowledgesAQuietTicketWithOneReasonAndNothingToSchedule() {
		ImpactAssessment assessment = this.rules.assess(ResolvedTicket.quiet().facts());
		assertThat(assessment.level()).isEqualTo(MINOR);
		assertThat(assessment.reasons()).containsExactly("Low-priority ticket, resolved in an hour");
		assertThat(assessment.offers()).isEmpty();
		assertThat(assessment.reminders()).isEmpty();
	}

	@Test
	void remindsToConfirmTheFixIsHoldingTwoWeeksAfterASatisfactionCheck() {
		ImpactAssessment assessment = this.rules.assess(ResolvedTicket.quiet().reopened(2).facts());
		assertThat(assessment.level()).isEqualTo(MODERATE);
		assertThat(assessment.reminders()).containsExactly(new SuggestedReminder(Period.ofDays(14),
				"Confirm the fix is holding", "check that the fix is still holding"));
	}

	@Test
	void remindsToCheckInOnTheFixWhenTheProductAreaIsUnknown() {
		ImpactAssessment assessment = this.rules
			.assess(ResolvedTicket.techFlow().productArea(" ").resolution("Rate limits increased 3x").facts());
		assertThat(assessment.level()).isEqualTo(MAJOR);
		assertThat(assessment.reminders()).containsExactly(new SuggestedReminder(Period.ofDays(7),
				"Check in on the fix: Rate limits increased 3x", "check that the fix is still holding"));
		assertThat(assessment.offers()).extracting(Offer::forCsm).containsExactly("An executive sponsor check-in");
	}

	@Test
	void offersNoExecutiveSponsorToAnSmbCustomer() {
		ImpactAssessment assessment = this.rules
			.assess(ResolvedTicket.techFlow().tier(CustomerTier.SMB).unknownArr().facts());
		assertThat(assessment.level()).isEqualTo(MAJOR);
		assertThat(assessment.offers()).isNotEmpty()
			.extracting(Offer::forCsm)
			.doesNotContain("An executive sponsor check-in");
	}

	@Test
	void keepsMetricsChecksAndExecutiveSponsorsForRelationshipRepair() {
		ImpactAssessment assessment = this.rules.assess(ResolvedTicket.quiet()
			.priority(HIGH)
			.openFor(Duration.ofHours(6))
			.escalated()
			.tier(CustomerTier.ENTERPRISE)
			.productArea("API")
			.facts());
		assertThat(assessment.level()).isEqualTo(MODERATE);
		assertThat(assessment.offers()).isEmpty();
	}

	@Test
	void leavesOutFactorsThatDidNotCount() {
		ImpactAssessment assessment = this.rules.assess(ResolvedTicket.techFlow().healthDrop(null).facts());
		assertThat(assessment.reasons()).noneMatch((reason) -> reason.contains("Health"));
		ImpactAssessment angry = this.rules.assess(ResolvedTicket.quiet().tone(Tone.ANGRY).facts());
		assertThat(angry.reasons()).containsExactly("Their comments sounded angry");
	}

	@Test
	void namesEachFloorOnceEvenWhenItAlsoScored() {
		ImpactAssessment assessment = this.rules
			.assess(ResolvedTicket.quiet().tone(Tone.ANGRY).atRisk().resolvedTickets(4).facts());
		assertThat(assessment.level()).isEqualTo(MODERATE);
		assertThat(assessment.reasons()).containsExactly("Their comments sounded angry", "Customer is at risk",
				"4 tickets resolved in the last 30 days");
	}

	@Test
	void saysOnceWhyACustomerFlaggedAndSignalledIsAtRisk() {
		ImpactAssessment assessment = this.rules.assess(
				ResolvedTicket.quiet().atRisk().riskSignal("their answer to a follow-up read still broken").facts());
		assertThat(assessment.reasons()).filteredOn((reason) -> reason.contains("at risk"))
			.containsExactly("Customer is at risk: their answer to a follow-up read still broken");
	}

	@Test
	void pointsBackToTheGuideInASimpleAcknowledgment() {
		ImpactAssessment assessment = this.rules
			.assess(ResolvedTicket.quiet().resolution("Sent the setup guide").facts());
		assertThat(assessment.level()).isEqualTo(MINOR);
		assertThat(assessment.offers()).extracting(Offer::forCustomer)
			.containsExactly("A link back to the setup guide in case questions come up");
	}

	@Test
	void offersToWalkThroughTheDocsAndLookForAPatternWhenTicketsKeepComing() {
		ImpactAssessment assessment = this.rules
			.assess(ResolvedTicket.quiet().resolvedTickets(3).resolution("Linked the docs on SSO").facts());
		assertThat(assessment.level()).isEqualTo(MODERATE);
		assertThat(assessment.offers()).containsExactly(
				new Offer("A short call to walk through the docs", "A short call to walk through the docs"),
				new Offer("A review of their recent tickets to look for a pattern",
						"A review of your recent tickets together, to look for a pattern"));
	}

	@Test
	void keepsAcronymsInTheNameOfTheMaterial() {
		ImpactAssessment assessment = this.rules
			.assess(ResolvedTicket.techFlow().resolution("Shared the API documentation").facts());
		assertThat(assessment.offers()).extracting(Offer::forCustomer)
			.contains("A short call to walk through the API documentation");
	}

	@Test
	void refusesToAssessWithoutFacts() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.rules.assess(null));
	}

	@Test
	void aHigherMajorThresholdTurnsTechFlowIntoASatisfactionCheck() {
		ImpactRules stricter = new ImpactRules(AssessmentSettingsTests.settingsWith("thresholds.major", "20"));
		assertThat(this.rules.assess(ResolvedTicket.techFlow().facts()).level()).isEqualTo(MAJOR);
		assertThat(stricter.assess(ResolvedTicket.techFlow().facts()).level()).isEqualTo(MODERATE);
	}

	@Test
	void aLongerExpectedTimeForHighTicketsMeansFourDaysIsNoLongerLate() {
		ImpactRules patient = new ImpactRules(AssessmentSettingsTests.settingsWith("expected-resolution.high", "5d"));
		ImpactAssessment assessment = patient.assess(ResolvedTicket.techFlow().facts());
		assertThat(assessment.reasons()).contains("High-severity ticket, resolved in 4 days")
			.noneMatch((reason) -> reason.startsWith("Open"));
	}

	@Test
	void anAngryCustomerGetsASatisfactionCheckEvenWhenAngerWeighsNothing() {
		ImpactRules rules = new ImpactRules(AssessmentSettingsTests.settingsWith("weights.angry-tone", "0"));
		ImpactAssessment assessment = rules.assess(ResolvedTicket.quiet().tone(Tone.ANGRY).facts());
		assertThat(assessment.level()).isEqualTo(MODERATE);
		assertThat(assessment.reasons()).containsExactly("Their comments sounded angry");
	}

	@Test
	void aHigherRepeatTicketCountLetsAThirdTicketPass() {
		ImpactRules rules = new ImpactRules(AssessmentSettingsTests.settingsWith("repeat-tickets", "4"));
		assertThat(rules.assess(ResolvedTicket.quiet().resolvedTickets(3).facts()).level()).isEqualTo(MINOR);
		assertThat(rules.assess(ResolvedTicket.quiet().resolvedTickets(4).facts()).level()).isEqualTo(MODERATE);
	}

	@Test
	void eachReasonNamesTheWindowItsTicketsWereCountedIn() {
		ImpactRules rules = new ImpactRules(
				AssessmentSettingsTests.settingsWith("repeat-window", "14d", "related-window", "60d"));
		ImpactAssessment assessment = rules
			.assess(ResolvedTicket.quiet().priority(NORMAL).relatedTickets(2).resolvedTickets(3).facts());
		assertThat(assessment.reasons()).contains("2 related tickets in the last 60 days",
				"3 tickets resolved in the last 14 days");
	}

	@Test
	void aLaterMajorReminderMovesTheMetricsCheck() {
		ImpactRules rules = new ImpactRules(AssessmentSettingsTests.settingsWith("major-reminder", "10d"));
		ImpactAssessment assessment = rules.assess(ResolvedTicket.techFlow().facts());
		assertThat(assessment.reminders())
			.containsExactly(new SuggestedReminder(Period.ofDays(10), "Check API metrics", "check your API metrics"));
	}

	@Test
	void ticketFactsRefuseMissingOrNegativeValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> ResolvedTicket.quiet().priority(null).facts());
		assertThatIllegalArgumentException().isThrownBy(() -> ResolvedTicket.quiet().openFor(null).facts());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResolvedTicket.quiet().openFor(Duration.ofHours(-1)).facts());
		assertThatIllegalArgumentException().isThrownBy(() -> ResolvedTicket.quiet().tone(null).facts());
		assertThatIllegalArgumentException().isThrownBy(() -> ResolvedTicket.quiet().tier(null).facts());
		assertThatIllegalArgumentException().isThrownBy(() -> ResolvedTicket.quiet().reopened(-1).facts());
		assertThatIllegalArgumentException().isThrownBy(() -> ResolvedTicket.quiet().stakeholders(-1).facts());
		assertThatIllegalArgumentException().isThrownBy(() -> ResolvedTicket.quiet().relatedTickets(-1).facts());
		assertThatIllegalArgumentException().isThrownBy(() -> ResolvedTicket.quiet().resolvedTickets(-1).facts());
		assertThatIllegalArgumentException().isThrownBy(() -> ResolvedTicket.quiet().arr(-1).facts());
	}

	@Test
	void ticketFactsAcceptUnknownHealthArrAndProductArea() {
		TicketFacts facts = ResolvedTicket.quiet()
			.healthDrop(null)
			.unknownArr()
			.productArea(null)
			.resolution(null)
			.facts();
		assertThat(facts.healthDrop()).isNull();
		assertThat(facts.arr()).isNull();
		assertThat(this.rules.assess(facts).level()).isEqualTo(MINOR);
	}

	@Test
	void everyPriorityHasAnExpectedResolutionTime() {
		AssessmentSettings.ExpectedResolution expected = AssessmentSettings.defaults().expectedResolution();
		assertThat(Stream.of(TicketPriority.values()).map(expected::of)).containsExactly(Duration.ofDays(5),
				Duration.ofDays(3), Duration.ofDays(2), Duration.ofDays(1));
	}

}
