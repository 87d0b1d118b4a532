package io.aftercare.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerSignals;
import io.aftercare.ticket.SupportDesk;
import io.aftercare.ticket.Ticket;
import io.aftercare.tone.SentimentAnalyzer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The windows in {@link AssessmentSettings} decide what is counted, not only how the
 * reasons word it: the demo workspace assessed with the application's assessor (default
 * windows) and with one whose window was changed. Reads only.
 */
@AftercareIntegrationTest
class AssessmentWindowsIntegrationTests {

	@Autowired
	ImpactAssessor assessor;

	@Autowired
	CustomerBook customers;

	@Autowired
	CustomerSignals signals;

	@Autowired
	SupportDesk desk;

	@Autowired
	CsmDirectory csms;

	@Autowired
	Clock clock;

	@Test
	void countsTheTicketsResolvedWithinTheRepeatWindow() {
		// Acme's third ticket resolved within 30 days: 24, 14 and 4 days ago.
		TicketAssessment usual = assess(this.assessor, "Acme Corp", "AC-2024-0125");
		assertThat(usual.context().resolvedInRepeatWindow()).isEqualTo(3);
		assertThat(usual.assessment().level()).isEqualTo(FollowUpLevel.MODERATE);
		assertThat(usual.assessment().reasons()).contains("3 tickets resolved in the last 30 days");

		TicketAssessment withinAWeek = assess(assessorWith("repeat-window", "7d"), "Acme Corp", "AC-2024-0125");
		assertThat(withinAWeek.context().resolvedInRepeatWindow()).isEqualTo(1);
		assertThat(withinAWeek.assessment().level()).isEqualTo(FollowUpLevel.MINOR);
		assertThat(withinAWeek.assessment().reasons()).noneMatch((reason) -> reason.contains("resolved in the last"));

		TicketAssessment withinFifteenDays = assess(assessorWith("repeat-window", "15d"), "Acme Corp", "AC-2024-0125");
		assertThat(withinFifteenDays.context().resolvedInRepeatWindow()).isEqualTo(2);
		assertThat(withinFifteenDays.assessment().level()).isEqualTo(FollowUpLevel.MINOR);
	}

	@Test
	void countsTheWindowNoFurtherThanAsked() {
		TicketContext acme = assess(this.assessor, "Acme Corp", "AC-2024-0125").context();
		Instant resolved = acme.ticket().resolvedAt();
		Instant from = resolved.minus(Duration.ofDays(30));
		assertThat(this.desk.countResolvedBetween(acme.customer().id(), from, resolved, 100)).isEqualTo(3);
		assertThat(this.desk.countResolvedBetween(acme.customer().id(), from, resolved, 2)).isEqualTo(2);
	}

	@Test
	void looksForRelatedTicketsWithinTheRelatedWindow() {
		// TechFlow's earlier API ticket was resolved about 41 days before the PRD's one.
		TicketAssessment usual = assess(this.assessor, "TechFlow", "TF-2024-0847");
		assertThat(usual.context().relatedTickets()).isEmpty();
		assertThat(usual.assessment().reasons()).noneMatch((reason) -> reason.contains("related"));

		TicketAssessment wider = assess(assessorWith("related-window", "60d"), "TechFlow", "TF-2024-0847");
		assertThat(wider.context().relatedTickets()).extracting(Ticket::number).containsExactly("TF-2024-0802");
		assertThat(wider.assessment().reasons()).contains("1 related ticket in the last 60 days");
		assertThat(wider.context().impactSummary()).contains("1 related ticket in the last 60 days");
		assertThat(wider.assessment().offers()).extracting(Offer::forCsm)
			.contains("A review of their recent tickets to look for a pattern");
	}

	@Test
	void countsAHealthDropThatShowsWithinTheHealthLagAfterResolution() {
		// Brightside's score fell from 45 to 41 in the days after its ticket was
		// resolved.
		TicketAssessment usual = assess(this.assessor, "Brightside Dental", "BD-2024-0019");
		assertThat(usual.context().healthDrop()).isEqualTo(4);
		assertThat(usual.assessment().reasons()).contains("Health score dropped 4 points while it was open");

		TicketAssessment noLag = assess(assessorWith("health-lag", "1h"), "Brightside Dental", "BD-2024-0019");
		assertThat(noLag.context().healthDrop()).isNull();
		assertThat(noLag.assessment().reasons()).noneMatch((reason) -> reason.contains("Health score"));
	}

	private ImpactAssessor assessorWith(String setting, String value) {
		return new ImpactAssessor(this.customers, this.signals, this.desk,
				AssessmentSettingsTests.settingsWith(setting, value), new SentimentAnalyzer(), this.clock);
	}

	private TicketAssessment assess(ImpactAssessor assessor, String customerName, String ticketNumber) {
		Csm admin = this.csms.find("admin").orElseThrow();
		Customer customer = this.customers.names(admin, 100)
			.stream()
			.filter((c) -> c.name().equals(customerName))
			.map((c) -> this.customers.require(admin, c.id()))
			.findFirst()
			.orElseThrow();
		Ticket ticket = this.desk.findByNumber(customer.id(), ticketNumber).orElseThrow();
		return assessor.assess(customer, ticket);
	}

}
