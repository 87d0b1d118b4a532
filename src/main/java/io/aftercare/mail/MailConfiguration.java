package io.aftercare.mail;

import java.time.Clock;

import io.aftercare.mail.outbox.OutboxTransport;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the transport. Without any mail server configured, mail goes to the outbox
 * folder.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

	@Bean
	@ConditionalOnMissingBean(MailTransport.class)
	MailTransport outboxTransport(MailSettings settings, Clock clock) {
		return new OutboxTransport(settings.outbox(), clock);
	}

}
