package io.aftercare.account;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialNoticesTests {

	@Test
	void switchedOffItNeverListensSoNothingIsRemembered() {
		RememberedTokens remembered = new RememberedTokens();
		AccountSettings settings = new AccountSettings(
				new AccountSettings.Tokens(Duration.ofDays(90), Duration.ofDays(730), false), null, null, null);
		CredentialNotices notices = new CredentialNotices(new SimpleDriverDataSource(), remembered, settings);

		notices.start();

		assertThat(notices.isRunning()).isFalse();
		assertThat(remembered.hearing()).isFalse();
	}

}
