package io.aftercare.connector;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConnectorSettingsTests {

	@Test
	void theInboxKeepsWebhooksAtLeastADaySoThatARedeliveryTheDesksStillSendIsKnown() {
		assertThatIllegalArgumentException().isThrownBy(() -> settingsKeeping(Duration.ofHours(23)))
			.withMessageContaining("aftercare.connectors.inbox-keep")
			.withMessageContaining("P1D");
		assertThat(settingsKeeping(Duration.ofDays(1)).inboxKeep()).isEqualTo(Duration.ofDays(1));
	}

	private static ConnectorSettings settingsKeeping(Duration keep) {
		return new ConnectorSettings(Duration.ofMinutes(5), 1_048_576, Duration.ofSeconds(5), 500,
				Duration.ofMinutes(2), 5, keep, true);
	}

}
