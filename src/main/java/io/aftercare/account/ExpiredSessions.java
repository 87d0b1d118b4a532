package io.aftercare.account;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Deletes expired web sessions from the database every few minutes, on one instance at a
 * time (db-scheduler), instead of Spring Session's own timer on every instance.
 */
@Configuration(proxyBeanMethods = false)
class ExpiredSessions {

	@Bean
	static RecurringTask<Void> deleteExpiredSessions(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
		return Tasks.recurring("delete-expired-sessions", Schedules.fixedDelay(Duration.ofMinutes(5)))
			.execute((instance, context) -> sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions));
	}

}
