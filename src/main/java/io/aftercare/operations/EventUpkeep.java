package io.aftercare.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Keeps the event publication registry moving: a listener that failed is tried again once
 * {@code retry-after} has passed (a restart also republishes everything incomplete), and
 * completed publications older than {@code keep-completed} are deleted.
 * <p>
 * Every instance runs this; listeners are written to be heard twice without harm.
 */
@Component
@EnableConfigurationProperties(OperationsSettings.class)
class EventUpkeep {

	private static final Logger log = LoggerFactory.getLogger(EventUpkeep.class);

	private final EventPublications publications;

	private final OperationsSettings settings;

	private final TaskScheduler scheduler;

	EventUpkeep(EventPublications publications, OperationsSettings settings, TaskScheduler scheduler) {
		this.publications = publications;
		this.settings = settings;
		this.scheduler = scheduler;
	}

	@EventListener(ApplicationReadyEvent.class)
	void schedule() {
		this.scheduler.scheduleWithFixedDelay(this::run, this.settings.every());
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
