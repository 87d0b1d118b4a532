package io.aftercare.shared.scheduling;

import java.util.Optional;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Background work runs on db-scheduler, in the application's own database: a recurring
 * task runs on one instance at a time, and a task due while no instance was up runs when
 * one is. Every module declares its tasks as beans ({@code Tasks.recurring(...)}); the
 * starter picks them up.
 */
@Configuration(proxyBeanMethods = false)
class TaskSchedulingConfiguration {

	/** Task data as JSON, readable in the table, rather than Java serialization. */
	@Bean
	DbSchedulerCustomizer dbSchedulerCustomizer() {
		return new DbSchedulerCustomizer() {
			@Override
			public Optional<Serializer> serializer() {
				return Optional.of(new Jackson3Serializer());
			}
		};
	}

}
