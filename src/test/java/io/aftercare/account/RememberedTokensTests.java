package io.aftercare.account;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedTokensTests {

	private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	private final RememberedTokens remembered = new RememberedTokens();

	@Test
	void nothingIsRememberedWhileChangesAreNotHeard() {
		this.remembered.remember("key", token(), this.remembered.stamp(), NOW);
		assertThat(this.remembered.find("key", NOW)).isNull();
	}

	@Test
	void aCheckedTokenIsRememberedUntilAChangeIsHeard() {
		this.remembered.hearing(true);
		CheckedToken token = token();
		this.remembered.remember("key", token, this.remembered.stamp(), NOW);
		assertThat(this.remembered.find("key", NOW.plusSeconds(30))).isSameAs(token);
		assertThat(this.remembered.find("other", NOW)).isNull();

		this.remembered.changed();
		assertThat(this.remembered.find("key", NOW)).isNull();
	}

	@Test
	void aReadStartedBeforeAChangeIsNotKept() {
		this.remembered.hearing(true);
		long stamp = this.remembered.stamp();
		this.remembered.changed();
		this.remembered.remember("key", token(), stamp, NOW);
		assertThat(this.remembered.find("key", NOW)).isNull();
	}

	@Test
	void losingTheNoticesForgetsEverythingAndRemembersNothingUntilHeardAgain() {
		this.remembered.hearing(true);
		this.remembered.remember("key", token(), this.remembered.stamp(), NOW);
		this.remembered.hearing(false);
		assertThat(this.remembered.find("key", NOW)).isNull();
		this.remembered.remember("key", token(), this.remembered.stamp(), NOW);
		assertThat(this.remembered.find("key", NOW)).isNull();

		long beforeHearingAgain = this.remembered.stamp();
		this.remembered.hearing(true);
		this.remembered.remember("key", token(), beforeHearingAgain, NOW);
		assertThat(this.remembered.find("key", NOW)).as("read while deaf").isNull();
		this.remembered.remember("key", token(), this.remembered.stamp(), NOW);
		assertThat(this.remembered.find("key", NOW)).isNotNull();
	}

	@Test
	void aTokenIsReadAgainAfterAMinuteAtMost() {
		this.remembered.hearing(true);
		this.remembered.remember("key", token(), this.remembered.stamp(), NOW);
		assertThat(this.remembered.find("key", NOW.plus(RememberedTokens.MAX_AGE).minusMillis(1))).isNotNull();
		assertThat(this.remembered.find("key", NOW.plus(RememberedTokens.MAX_AGE))).isNull();
	}

	private static CheckedToken token() {
		return new CheckedToken(1, ApiTokenScope.READ, new byte[32], NOW.plusSeconds(3600), null, null, CsmRole.CSM,
				true);
	}

}
