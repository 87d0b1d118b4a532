package io.aftercare.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import io.aftercare.EventListeners;
import io.aftercare.TestDatabase;
import io.aftercare.assessment.FollowUpLevel;
import io.aftercare.customer.CustomerId;
import io.aftercare.followup.FollowUpApproved;
import io.aftercare.followup.FollowUpDiscarded;
import io.aftercare.followup.FollowUpDrafted;
import io.aftercare.followup.FollowUpEdited;
import io.aftercare.followup.FollowUpHeld;
import io.aftercare.followup.FollowUpId;
import io.aftercare.followup.FollowUpSendFailed;
import io.aftercare.followup.FollowUpSendStarted;
import io.aftercare.followup.FollowUpSent;
import io.aftercare.reminder.ReminderCompleted;
import io.aftercare.reminder.ReminderId;
import io.aftercare.reminder.ReminderOrigin;
import io.aftercare.reminder.ReminderScheduled;
import io.aftercare.ticket.TicketId;
import io.aftercare.ticket.TicketPriority;
import io.aftercare.ticket.TicketResolved;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail writes an entry for every event it listens to, once, at the moment the
 * change happened, and leaves backfilled history alone.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "reminder")
@Import(TestDatabase.class)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:aftercare-audit-trail;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"aftercare.mail.outbox=target/audit-trail-outbox" })
class AuditTrailIntegrationTests {

	private static final Instant AT = Instant.parse("2026-11-20T10:15:30.123456Z");

	// Subjects of their own, so that the tests of this class never meet each other's.
	private static final AtomicLong IDS = new AtomicLong(1_000_000 + (System.nanoTime() % 1_000_000));

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	static Stream<Arguments> events() {
		CustomerId customer = new CustomerId(7);
		TicketId ticket = new TicketId(9);
		return Stream.of(
				heard("drafted", "sam", "level MAJOR (assessed MODERATE) for ticket TF-2024-0847",
						(id) -> new FollowUpDrafted(new FollowUpId(id), customer, ticket, "TF-2024-0847",
								FollowUpLevel.MAJOR, FollowUpLevel.MODERATE, "sam", null, "sam", AT)),
				heard("drafted", "aftercare",
						"level MAJOR for ticket TF-2024-0847; Drafted by Aftercare because: urgent ticket TF-2024-0847 resolved after 4 days",
						(id) -> new FollowUpDrafted(new FollowUpId(id), customer, ticket, "TF-2024-0847",
								FollowUpLevel.MAJOR, FollowUpLevel.MAJOR, "sam",
								"Drafted by Aftercare because: urgent ticket TF-2024-0847 resolved after 4 days",
								"aftercare", AT)),
				heard("held", "aftercare", "ticket TF-2024-0847 was reopened",
						(id) -> new FollowUpHeld(new FollowUpId(id), customer, "ticket TF-2024-0847 was reopened", AT)),
				heard("edited", "sam", "content version 2; approval voided",
						(id) -> new FollowUpEdited(new FollowUpId(id), customer, 2, true, "sam", AT)),
				heard("approved", "sam", "content version 2",
						(id) -> new FollowUpApproved(new FollowUpId(id), customer, ticket, "sam", FollowUpLevel.MAJOR,
								2, List.of(), "sam", AT)),
				heard("discarded", "alex", "replaced by a MINOR follow-up",
						(id) -> new FollowUpDiscarded(new FollowUpId(id), customer, "replaced by a MINOR follow-up",
								"alex", AT)),
				heard("send-requested", "sam", "approved by alex, content version 3, as <fu.1.3.a@mail.test>",
						(id) -> new FollowUpSendStarted(new FollowUpId(id), customer, "<fu.1.3.a@mail.test>",
								"outbox:x", 3, "alex", "sam", AT, AT)),
				heard("sent", "aftercare", "to david@techflow.example as <fu.1.3.a@mail.test>",
						(id) -> new FollowUpSent(new FollowUpId(id), customer, ticket, "sam", FollowUpLevel.MAJOR,
								"david@techflow.example", "<fu.1.3.a@mail.test>", "aftercare", AT)),
				heard("send-failed", "sam", "connection refused",
						(id) -> new FollowUpSendFailed(new FollowUpId(id), customer, "connection refused", false, "sam",
								AT)),
				heard("send-interrupted", "aftercare", "The send was interrupted.",
						(id) -> new FollowUpSendFailed(new FollowUpId(id), customer, "The send was interrupted.", true,
								"aftercare", AT)));
	}

	private static Arguments heard(String action, String actor, String detail, Function<Long, Object> event) {
		return Arguments.of(action, actor, detail, event);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("events")
	void recordsEachFollowUpEventAtTheMomentItHappened(String action, String actor, String detail,
			Function<Long, Object> event, Scenario scenario) {
		long id = IDS.incrementAndGet();
		scenario.publish(event.apply(id))
			.andWaitForStateChange(() -> this.log.ofFollowUp(new FollowUpId(id)), (entries) -> !entries.isEmpty())
			.andVerify((entries) -> assertThat(entries).containsExactly(new AuditLog.Entry(AT, actor, action, detail)));
	}

	@Test
	void recordsAnEventHeardTwiceOnce(Scenario scenario) {
		long id = IDS.incrementAndGet();
		FollowUpEdited edited = new FollowUpEdited(new FollowUpId(id), new CustomerId(7), 2, false, "sam", AT);
		scenario.publish(edited)
			.andWaitForStateChange(() -> this.log.ofFollowUp(new FollowUpId(id)), (entries) -> !entries.isEmpty());
		scenario.publish(edited)
			.andWaitForStateChange(() -> this.log.history(AuditLog.FOLLOW_UP, id))
			.andVerify((entries) -> assertThat(entries).hasSize(1));
	}

	@Test
	void recordsRemindersScheduledAndCompleted(Scenario scenario) {
		long id = IDS.incrementAndGet();
		scenario
			.publish(new ReminderScheduled(new ReminderId(id), new CustomerId(7), new FollowUpId(3), "sam",
					AT.plus(7, ChronoUnit.DAYS), "Check API metrics", ReminderOrigin.SUGGESTED, "sam", AT))
			.andWaitForStateChange(() -> this.log.history(AuditLog.REMINDER, id), (entries) -> !entries.isEmpty())
			.andVerify((entries) -> assertThat(entries).containsExactly(new AuditLog.Entry(AT, "sam", "scheduled",
					"SUGGESTED due 2026-11-27T10:15:30.123456Z: Check API metrics")));
		scenario.publish(new ReminderCompleted(new ReminderId(id), new CustomerId(7), "sam", AT.plusSeconds(60)))
			.andWaitForStateChange(() -> this.log.history(AuditLog.REMINDER, id), (entries) -> entries.size() == 2)
			.andVerify((entries) -> assertThat(entries).extracting(AuditLog.Entry::action)
				.containsExactly("scheduled", "completed"));
	}

	@Test
	void recordsResolutionsADeskReportsButNotABackfill(Scenario scenario) {
		long backfilled = IDS.incrementAndGet();
		long reported = IDS.incrementAndGet();
		scenario.publish(resolution(backfilled).asBackfill())
			.andWaitForStateChange(() -> EventListeners.stillRunning(this.jdbc), (running) -> running == 0);
		scenario.publish(resolution(reported))
			.andWaitForStateChange(() -> this.log.history(AuditLog.TICKET, reported), (entries) -> !entries.isEmpty())
			.andVerify((entries) -> assertThat(entries).containsExactly(
					new AuditLog.Entry(AT, "zendesk", "resolved", "priority HIGH, ticket ZD-" + reported)));
		assertThat(this.log.history(AuditLog.TICKET, backfilled)).as("a backfilled resolution").isEmpty();
	}

	private static TicketResolved resolution(long ticket) {
		return new TicketResolved(new TicketId(ticket), new CustomerId(7), "ZD-" + ticket, TicketPriority.HIGH, AT,
				"zendesk", false);
	}

}
