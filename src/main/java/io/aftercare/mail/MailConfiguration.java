package io.aftercare.mail;

import java.time.Clock;

import io.aftercare.mail.outbox.OutboxTransport;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the transport named by {@code aftercare.mail.transport}: {@code outbox}, the
 * default and the only one so far, writes mail to the outbox folder.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

	@Bean
	@ConditionalOnMissingBean(MailTransport.class)
	MailTransport mailTransport(MailSettings settings, Clock clock) {
		return switch (settings.transport()) {
			case OUTBOX -> new OutboxTransport(settings.outbox(), clock);
		};
	}

}
