package io.aftercare.operations;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Keeps the event publication registry moving: a listener that failed is tried again once
 * {@code retry-after} has passed (a restart also republishes everything incomplete), and
 * completed publications older than {@code keep-completed} are deleted.
 * <p>
 * One instance at a time runs it; a restart of each instance also republishes, so
 * listeners are written to be heard twice without harm.
 */
@Component
@EnableConfigurationProperties(OperationsSettings.class)
class EventUpkeep {

	private static final Logger log = LoggerFactory.getLogger(EventUpkeep.class);

	private final EventPublications publications;

	private final OperationsSettings settings;

	EventUpkeep(EventPublications publications, OperationsSettings settings) {
		this.publications = publications;
		this.settings = settings;
	}

	/** Every {@code every}, on one instance at a time. */
	@Bean
	static RecurringTask<Void> eventPublicationUpkeep(ObjectProvider<EventUpkeep> upkeep, OperationsSettings settings) {
		return Tasks.recurring("event-publication-upkeep", Schedules.fixedDelay(settings.every()))
			.execute((instance, context) -> upkeep.getObject().run());
	}

	void run() {
		try {
			this.publications.resubmitOlderThan(this.settings.retryAfter());
			this.publications.deleteCompletedOlderThan(this.settings.keepCompleted());
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next run tries again.
			log.warn("Event publication upkeep failed: {}", ex.getMessage());
		}
	}

}
