package io.aftercare.mail;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import io.aftercare.mail.outbox.OutboxTransport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class MailConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(MailConfiguration.class)
		.withBean(Clock.class, Clock::systemUTC);

	@Test
	void sendsThroughTheOutboxByDefault() {
		this.context.run((app) -> assertThat(app).getBean(MailTransport.class).isInstanceOf(OutboxTransport.class));
	}

	@Test
	void sendsThroughTheTransportTheSettingNames() {
		this.context.withPropertyValues("aftercare.mail.transport=outbox")
			.run((app) -> assertThat(app).getBean(MailTransport.class).isInstanceOf(OutboxTransport.class));
	}

	@Test
	void refusesToStartWithATransportThatDoesNotExistAndSaysWhichOnesDo() {
		this.context.withPropertyValues("aftercare.mail.transport=carrier-pigeon").run((app) -> {
			assertThat(app).hasFailed();
			FailureAnalysis analysis = analyze(app.getStartupFailure());
			assertThat(analysis.getDescription()).contains("aftercare.mail.transport", "carrier-pigeon");
			assertThat(analysis.getAction()).contains("OUTBOX");
		});
	}

	/** What Spring Boot prints when the application fails to start. */
	private static FailureAnalysis analyze(Throwable failure) {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, (type, name, ex) -> {
				// Analyzers that need the application context are not needed here.
			});
		return analyzers.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow();
	}

}
