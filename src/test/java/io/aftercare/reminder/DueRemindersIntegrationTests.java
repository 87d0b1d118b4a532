package io.aftercare.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.account.CsmDirectory;
import io.aftercare.account.CsmRole;
import io.aftercare.account.NewCsm;
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

	private long notices(String owner) {
		return this.jdbc.sql("select count(*) from chat_messages where username = :u and reminder_id is not null")
			.param("u", owner)
			.query(Long.class)
			.single();
	}

}
