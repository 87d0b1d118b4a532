package io.aftercare.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.aftercare.account.CsmDirectory;
import io.aftercare.shared.SqlTime;

import io.aftercare.followup.DeliveryStatus;
import io.aftercare.followup.FollowUp;
import io.aftercare.followup.FollowUpAnswer;
import io.aftercare.followup.FollowUpResponses;
import io.aftercare.tone.ReplyKind;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires reminders that fell due: each open reminder past its time is marked fired and
 * announced as {@link ReminderDue}, exactly once. The check runs on db-scheduler (one
 * instance at a time), and even two checks at once cannot both fire a reminder: only the
 * conditional update that finds it unfired announces it, in the same transaction.
 */
@Component
@EnableConfigurationProperties(ReminderSettings.class)
class DueReminders {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final FollowUpResponses responses;

	private final CsmDirectory directory;

	DueReminders(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, FollowUpResponses responses,
			CsmDirectory directory) {
		this.responses = responses;
		this.directory = directory;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Bean
	static RecurringTask<Void> fireDueReminders(ObjectProvider<DueReminders> reminders, ReminderSettings settings) {
		return Tasks.recurring("fire-due-reminders", Schedules.fixedDelay(settings.fireEvery()))
			.execute((instance, context) -> reminders.getObject().fire());
	}

	/** Whether the customer answered the reminder's follow-up, in words. */
	private String answer(Reminder reminder) {
		if (reminder.followUpId() == null) {
			return null;
		}
		// Written now for the CSM to read later: their day, not the server's.
		ZoneId zone = this.directory.timeZone(reminder.owner());
		return this.responses.find(reminder.followUpId()).map((followUp) -> answer(followUp, zone)).orElse(null);
	}

	static String answer(FollowUp followUp, ZoneId zone) {
		FollowUpAnswer answer = followUp.answer();
		if (answer != null) {
			String kind = java.util.Arrays.stream(ReplyKind.values())
				.filter((k) -> k.name().equals(answer.kind()))
				.map(ReplyKind::label)
				.findFirst()
				.orElse(answer.kind());
			return "The customer answered on " + DAY.format(answer.answeredAt().atZone(zone)) + ": " + kind + ".";
		}
		if (followUp.deliveryStatus() == DeliveryStatus.BOUNCED) {
			return "The follow-up bounced: no answer will come.";
		}
		return (followUp.sentAt() != null) ? "No answer from the customer yet." : null;
	}

	private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("MMM d",
			java.util.Locale.ENGLISH);

	/** Fires the reminders due now; answers how many this call fired. */
	@Transactional
	int fire() {
		Instant now = this.clock.instant();
		List<Reminder> due = this.jdbc.sql("""
				select id, owner_username, customer_id, followup_id, due_at, note, origin, status, created_by,
				    created_at, completed_at
				from reminders where fired_at is null and due_at <= :now and status = 'OPEN'
				order by due_at, id limit :limit
				""").param("now", SqlTime.utc(now)).param("limit", BATCH).query(ReminderBook::reminder).list();
		int fired = 0;
		for (Reminder reminder : due) {
			int won = this.jdbc.sql("update reminders set fired_at = :now where id = :id and fired_at is null")
				.param("now", SqlTime.utc(now))
				.param("id", reminder.id().value())
				.update();
			if (won == 1) {
				this.events.publishEvent(new ReminderDue(reminder.id(), reminder.customerId(), reminder.followUpId(),
						reminder.owner(), reminder.dueAt(), reminder.note(), now, answer(reminder)));
				fired++;
			}
		}
		return fired;
	}

}
