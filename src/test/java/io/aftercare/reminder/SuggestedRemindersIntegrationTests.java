package io.aftercare.reminder;

import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.aftercare.EventListeners;
import io.aftercare.TestDatabase;
import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.assessment.SuggestedReminder;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerId;
import io.aftercare.followup.FollowUp;
import io.aftercare.followup.FollowUpApproved;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.followup.FollowUpRequest;
import io.aftercare.followup.TicketQuery;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a follow-up is approved, the reminders it suggests are scheduled for the CSM who
 * owns the customer, counted from the approval; heard again, nothing is scheduled twice.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "demo")
@Import(TestDatabase.class)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-suggested-reminders;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.demo.load=always", "aftercare.mail.outbox=target/suggested-reminders-outbox" })
class SuggestedRemindersIntegrationTests {

	@Autowired
	FollowUpManagement followUps;

	@Autowired
	CustomerBook customers;

	@Autowired
	CsmDirectory csms;

	@Autowired
	ReminderBook reminders;

	@Autowired
	JdbcClient jdbc;

	@Test
	void schedulesTheSuggestedRemindersOnceCountedFromTheApproval(Scenario scenario) {
		FollowUp followUp = draftOnTechFlow();
		Instant approvedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		FollowUpApproved approved = new FollowUpApproved(followUp.id(), followUp.customerId(), followUp.ticketId(),
				"sam", FollowUpLevel.MAJOR, 1,
				List.of(new SuggestedReminder(Period.ofDays(7), "Check API metrics", "check your API metrics"),
						new SuggestedReminder(Period.ofDays(30), "Quarterly review",
								"check in on how things are going")),
				"alex", approvedAt);

		scenario.publish(approved)
			.andWaitForStateChange(() -> this.reminders.forFollowUp(followUp.id()), (set) -> set.size() == 2)
			.andVerify((set) -> {
				assertThat(set).extracting(Reminder::note).containsExactly("Check API metrics", "Quarterly review");
				assertThat(set).extracting(Reminder::dueAt)
					.containsExactly(approvedAt.plus(7, ChronoUnit.DAYS), approvedAt.plus(30, ChronoUnit.DAYS));
				assertThat(set).extracting(Reminder::owner).containsOnly("sam");
				assertThat(set).extracting(Reminder::origin).containsOnly(ReminderOrigin.SUGGESTED);
				assertThat(set).extracting(Reminder::createdBy).containsOnly("alex");
			});

		scenario.publish(approved)
			.andWaitForStateChange(() -> EventListeners.stillRunning(this.jdbc), (running) -> running == 0)
			.andVerify((running) -> assertThat(this.reminders.forFollowUp(followUp.id())).as("heard twice").hasSize(2));
	}

	private FollowUp draftOnTechFlow() {
		Csm sam = this.csms.find("sam").orElseThrow();
		CustomerId techflow = this.customers.search(sam, "techflow", 1, 0).get(0).id();
		return this.followUps.request(sam, techflow, new FollowUpRequest(TicketQuery.byNumber("TF-2024-0847"), null))
			.followUp();
	}

}
