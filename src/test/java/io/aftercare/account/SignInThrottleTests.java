package io.aftercare.account;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	final SignInThrottle throttle = new SignInThrottle(null, new AccountSettings(null, null,
			new AccountSettings.SignIn(5, Duration.ofMinutes(5), 100, Duration.ofHours(1), 30, Duration.ofMinutes(15)),
			null), null);

	@Test
	void theFirstFailuresCostNothing() {
		assertThat(this.throttle.delay(0)).isZero();
		assertThat(this.throttle.delay(4)).isZero();
	}

	@Test
	void slowsDownLongBeforeTheLockOutAndDoublesEachTime() {
		assertThat(this.throttle.delay(5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.delay(6)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.throttle.delay(13)).isEqualTo(Duration.ofSeconds(256));
		assertThat(this.throttle.delay(14)).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.throttle.delay(99)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void locksOutAfterAtMostOneHundredFailuresAndOnlyForAnHour() {
		assertThat(this.throttle.delay(100)).isEqualTo(Duration.ofHours(1));
		assertThat(this.throttle.delay(10_000)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void oneHundredFailuresTakeHoursToReach() {
		Duration total = Duration.ZERO;
		for (int failures = 0; failures < 100; failures++) {
			total = total.plus(this.throttle.delay(failures));
		}
		assertThat(total).isGreaterThan(Duration.ofHours(7));
	}

}
