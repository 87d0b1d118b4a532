package io.aftercare.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.aftercare.AftercareIntegrationTest;
import io.aftercare.shared.SourceKey;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A risk signal counts for {@link CustomerSignals#RISK_LASTS} unless cleared, and
 * clearing takes only the kinds asked for, raised before the moment given.
 */
@AftercareIntegrationTest
class RiskSignalsIntegrationTests {

	@Autowired
	CustomerRegistry registry;

	@Autowired
	CustomerSignals signals;

	@Test
	void aSignalCountsForItsTimeUntilCleared() {
		CustomerId customer = this.registry
			.upsert(new CustomerRecord(new SourceKey("risk-test", UUID.randomUUID().toString()), "Risky Co",
					CustomerTier.SMB, null, null, null, null, false))
			.id();
		Instant now = Instant.now();
		this.signals.raiseRisk(customer, "reply-frustrated", "HIGH", "old", now.minus(Duration.ofDays(100)));
		assertThat(this.signals.openRisk(customer, now)).as("older than %s", CustomerSignals.RISK_LASTS).isEmpty();
		assertThat(this.signals.openRisk(customer, now.minus(Duration.ofDays(95)))).map(RiskSignal::detail)
			.contains("old");

		this.signals.raiseRisk(customer, "reply-still_broken", "MEDIUM", "recent", now.minus(Duration.ofDays(10)));
		this.signals.raiseRisk(customer, "renewal", "HIGH", "other kind", now.minus(Duration.ofDays(5)));
		assertThat(this.signals.openRisk(customer, now)).map(RiskSignal::detail)
			.as("the newest")
			.contains("other kind");
		assertThat(this.signals.openRisk(customer, now.minus(Duration.ofDays(7)))).map(RiskSignal::detail)
			.contains("recent");

		assertThat(this.signals.clearRisks(customer, "reply-", now.minus(Duration.ofDays(20)))).as("the old one")
			.isEqualTo(1);
		assertThat(this.signals.clearRisks(customer, "reply-", now)).isEqualTo(1);
		assertThat(this.signals.openRisk(customer, now.minus(Duration.ofDays(7)))).as("both answers' cleared")
			.isEmpty();
		assertThat(this.signals.openRisk(customer, now)).map(RiskSignal::detail).contains("other kind");
	}

}
