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
		this.signals.raiseRisk(customer, "reply-still_broken", "MEDIUM", "recent", now.minus(Duration.ofDays(10)));
		this.signals.raiseRisk(customer, "renewal", "HIGH", "other kind", now.minus(Duration.ofDays(5)));

		assertThat(this.signals.openRisks(customer, now)).extracting(RiskSignal::detail)
			.as("newest first, the one older than %s left out", CustomerSignals.RISK_LASTS)
			.containsExactly("other kind", "recent");
		assertThat(this.signals.openRisks(customer, now.minus(Duration.ofDays(95)))).extracting(RiskSignal::detail)
			.containsExactly("old");

		assertThat(this.signals.clearRisks(customer, "reply-", now.minus(Duration.ofDays(20)))).as("the old one")
			.isEqualTo(1);
		assertThat(this.signals.clearRisks(customer, "reply-", now)).isEqualTo(1);
		assertThat(this.signals.openRisks(customer, now)).extracting(RiskSignal::detail).containsExactly("other kind");
	}

}
