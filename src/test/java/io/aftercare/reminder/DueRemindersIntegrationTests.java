package io.aftercare.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.Csm;
import io.aftercare.account.CsmDirectory;
import io.aftercare.account.CsmRole;
import io.aftercare.account.NewCsm;
import io.aftercare.customer.CustomerBook;
import io.aftercare.customer.CustomerId;
import io.aftercare.followup.FollowUpId;
import io.aftercare.followup.FollowUpManagement;
import io.aftercare.followup.FollowUpRequest;
import io.aftercare.followup.TicketQuery;
import io.aftercare.shared.SqlTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reminder that falls due fires once: marked fired, announced once, one notice in its
 * owner's chat, however many checks run at the same moment.
 */
@AftercareIntegrationTest
class DueRemindersIntegrationTests {

	@Autowired
	DueReminders dueReminders;

	@Autowired
	CsmDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerBook customers;

	@Autowired
	FollowUpManagement followUps;

	@Test
	void aDueReminderFiresOnceEvenWhenChecksRace() throws Exception {
		String owner = "reminded-" + System.nanoTime();
		this.directory.create(new NewCsm(owner, "Reminded", null, null, "a password", CsmRole.CSM));
		String note = "Call David " + owner;
		this.jdbc
			.sql("""
					insert into reminders (owner_username, customer_id, due_at, note, origin, status, created_by, created_at)
					values (:owner, 1, :due, :note, 'MANUAL', 'OPEN', :owner, :due)
					""")
			.param("owner", owner)
			.param("due", SqlTime.utc(Instant.now().minusSeconds(60)))
			.param("note", note)
			.update();

		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Callable<Integer>> checks = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			checks.add(this.dueReminders::fire);
		}
		for (Future<Integer> check : pool.invokeAll(checks)) {
			check.get();
		}
		pool.shutdown();

		assertThat(this.jdbc.sql("select fired_at from reminders where note = :note")
			.param("note", note)
			.query(java.sql.Timestamp.class)
			.single()).isNotNull();
		await().atMost(Duration.ofSeconds(20)).until(() -> notices(owner) == 1);
		assertThat(this.dueReminders.fire()).isZero();
		assertThat(this.jdbc
			.sql("""
					select count(*) from event_publication where event_type like '%ReminderDue' and serialized_event like :note
					""")
			.param("note", "%" + note + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select text from chat_messages where username = :u")
			.param("u", owner)
			.query(String.class)
			.single()).isEqualTo("Reminder due: " + note + " (TechFlow)");
	}

	@Test
	void theNoticeNamesTheDayTheCustomerAnsweredWhereItsOwnerIs() {
		Csm sam = this.directory.find("sam").orElseThrow();
		ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
		this.directory.keepTimeZone("sam", kiritimati);
		FollowUpId followUp = null;
		try {
			assertThat(this.directory.timeZone("sam")).isEqualTo(kiritimati);
			CustomerId techflow = this.customers.search(sam, "techflow", 1, 0).get(0).id();
			followUp = this.followUps
				.request(sam, techflow, new FollowUpRequest(TicketQuery.byNumber("TF-2024-0847"), null))
				.followUp()
				.id();
			// Noon in UTC on Nov 30 is two in the morning of Dec 1 in Kiritimati.
			this.jdbc.sql("""
					update support_followups set answered_via = 'EMAIL', responded_at = :at, response_tone = 'POSITIVE',
					    answer_sentiment = 0.8, answer_reason = 'thanked us' where id = :id
					""")
				.param("at", SqlTime.utc(Instant.parse("2026-11-30T12:00:00Z")))
				.param("id", followUp.value())
				.update();
			String note = "Ask how the fix holds " + System.nanoTime();
			this.jdbc.sql("""
					insert into reminders (owner_username, customer_id, followup_id, due_at, note, origin, status,
					    created_by, created_at)
					values ('sam', :customer, :followUp, :due, :note, 'MANUAL', 'OPEN', 'sam', :due)
					""")
				.param("customer", techflow.value())
				.param("followUp", followUp.value())
				.param("due", SqlTime.utc(Instant.now().minusSeconds(60)))
				.param("note", note)
				.update();

			assertThat(this.dueReminders.fire()).isPositive();

			assertThat(this.jdbc.sql("select serialized_event from event_publication where serialized_event like :note")
				.param("note", "%" + note + "%")
				.query(String.class)
				.single()).contains("The customer answered on Dec 1: all good.");
		}
		finally {
			this.jdbc.sql("update csm_users set time_zone = null where username = 'sam'").update();
			// The other tests of this context draft TechFlow's ticket as new, and count
			// answers.
			if (followUp != null) {
				this.jdbc.sql("""
						update support_followups set answered_via = null, responded_at = null, response_tone = null,
						    answer_sentiment = null, answer_reason = null where id = :id
						""").param("id", followUp.value()).update();
				this.followUps.discard(sam, followUp);
			}
		}
	}

	private long notices(String owner) {
		return this.jdbc.sql("select count(*) from chat_messages where username = :u and reminder_id is not null")
			.param("u", owner)
			.query(Long.class)
			.single();
	}

}
