package io.aftercare.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.aftercare.reply.FollowUpAnswered;
import io.aftercare.shared.SqlTime;
import io.aftercare.tone.ReplyKind;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A customer who says all is good answered what the follow-up's reminders were to ask:
 * its open reminders are completed. Heard twice, the second time finds none open.
 */
@Component
class AnsweredFollowUps {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AnsweredFollowUps(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(FollowUpAnswered answered) {
		if (answered.kind() != ReplyKind.POSITIVE) {
			return;
		}
		Instant now = this.clock.instant();
		List<Reminder> open = this.jdbc.sql("select * from reminders where followup_id = :id and status = 'OPEN'")
			.param("id", answered.followUpId().value())
			.query(ReminderBook::reminder)
			.list();
		for (Reminder reminder : open) {
			int done = this.jdbc.sql("""
					update reminders set status = 'DONE', completed_at = :now where id = :id and status = 'OPEN'
					""").param("now", SqlTime.utc(now)).param("id", reminder.id().value()).update();
			if (done == 1) {
				this.events.publishEvent(new ReminderCompleted(reminder.id(), reminder.customerId(), "aftercare", now));
			}
		}
	}

}
