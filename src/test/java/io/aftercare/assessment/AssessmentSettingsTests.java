package io.aftercare.assessment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import io.aftercare.assessment.AssessmentSettings.ExpectedResolution;
import io.aftercare.assessment.AssessmentSettings.Thresholds;
import io.aftercare.assessment.AssessmentSettings.Weights;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AssessmentSettingsTests {

	/**
	 * Settings bound the way the application binds them, from
	 * {@code aftercare.assessment.*} properties given without their prefix.
	 */
	static AssessmentSettings settingsWith(String... namesAndValues) {
		Map<String, String> properties = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			properties.put("aftercare.assessment." + namesAndValues[i], namesAndValues[i + 1]);
		}
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("aftercare.assessment",
				AssessmentSettings.class);
	}

	@Test
	void defaultsExpectUrgentTicketsInADayAndLowOnesInFive() {
		ExpectedResolution expected = AssessmentSettings.defaults().expectedResolution();
		assertThat(expected.urgent()).isEqualTo(Duration.ofDays(1));
		assertThat(expected.high()).isEqualTo(Duration.ofDays(2));
		assertThat(expected.normal()).isEqualTo(Duration.ofDays(3));
		assertThat(expected.low()).isEqualTo(Duration.ofDays(5));
	}

	@Test
	void defaultsSetThresholdsHealthDropsAndTheWindows() {
		AssessmentSettings settings = AssessmentSettings.defaults();
		assertThat(settings.thresholds()).isEqualTo(new Thresholds(3, 7));
		assertThat(settings.notableHealthDrop()).isEqualTo(3);
		assertThat(settings.severeHealthDrop()).isEqualTo(5);
		assertThat(settings.manyStakeholders()).isEqualTo(3);
		assertThat(settings.repeatTickets()).isEqualTo(3);
		assertThat(settings.repeatWindow()).isEqualTo(Duration.ofDays(30));
		assertThat(settings.relatedWindow()).isEqualTo(Duration.ofDays(30));
		assertThat(settings.recentWindow()).isEqualTo(Duration.ofDays(90));
		assertThat(settings.healthLag()).isEqualTo(Duration.ofDays(7));
		assertThat(settings.highArr()).isEqualByComparingTo(new BigDecimal("100000"));
		assertThat(settings.majorReminder()).isEqualTo(Period.ofDays(7));
		assertThat(settings.moderateReminder()).isEqualTo(Period.ofDays(14));
		assertThat(settings.weights().angryTone()).isEqualTo(4);
	}

	@Test
	void defaultsAreWhatTheApplicationGetsWhenNothingIsSet() {
		assertThat(settingsWith()).isEqualTo(AssessmentSettings.defaults());
	}

	@Test
	void bindsChangedPropertiesAndKeepsTheOtherDefaults() {
		AssessmentSettings settings = settingsWith("expected-resolution.urgent", "4h", "thresholds.major", "10",
				"weights.escalation", "5", "high-arr", "250000");
		assertThat(settings.expectedResolution().urgent()).isEqualTo(Duration.ofHours(4));
		assertThat(settings.expectedResolution().high()).isEqualTo(Duration.ofDays(2));
		assertThat(settings.thresholds()).isEqualTo(new Thresholds(3, 10));
		assertThat(settings.weights().escalation()).isEqualTo(5);
		assertThat(settings.weights().reopen()).isEqualTo(2);
		assertThat(settings.highArr()).isEqualByComparingTo(new BigDecimal("250000"));
	}

	@Test
	void bindsWindowsAsDurations() {
		AssessmentSettings settings = settingsWith("repeat-window", "14d", "related-window", "P60D", "recent-window",
				"2160h", "health-lag", "0s");
		assertThat(settings.repeatWindow()).isEqualTo(Duration.ofDays(14));
		assertThat(settings.relatedWindow()).isEqualTo(Duration.ofDays(60));
		assertThat(settings.recentWindow()).isEqualTo(Duration.ofDays(90));
		assertThat(settings.healthLag()).isZero();
	}

	@Test
	void bindsWindowsFromTheEnvironmentVariablesTheReadmeNames() {
		Map<String, Object> environment = Map.of("AFTERCARE_ASSESSMENT_REPEAT_WINDOW", "14d",
				"AFTERCARE_ASSESSMENT_RELATED_WINDOW", "60d", "AFTERCARE_ASSESSMENT_RECENT_WINDOW", "120d",
				"AFTERCARE_ASSESSMENT_HEALTH_LAG", "3d");
		AssessmentSettings settings = new Binder(
				ConfigurationPropertySources.from(new SystemEnvironmentPropertySource("environment", environment)))
			.bindOrCreate("aftercare.assessment", AssessmentSettings.class);
		assertThat(settings.repeatWindow()).isEqualTo(Duration.ofDays(14));
		assertThat(settings.relatedWindow()).isEqualTo(Duration.ofDays(60));
		assertThat(settings.recentWindow()).isEqualTo(Duration.ofDays(120));
		assertThat(settings.healthLag()).isEqualTo(Duration.ofDays(3));
	}

	@Test
	void refusesAnEmptyOrNegativeWindow() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> settingsWith("repeat-window", "0d"));
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> settingsWith("related-window", "-1d"));
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> settingsWith("recent-window", "0s"));
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> settingsWith("health-lag", "-1h"));
	}

	@Test
	void refusesAMajorThresholdThatIsNotAboveTheModerateOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Thresholds(5, 5));
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> settingsWith("thresholds.major", "2"));
	}

	@Test
	void refusesANegativeWeight() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> settingsWith("weights.reopen", "-1"));
	}

	@Test
	void refusesASevereHealthDropBelowTheNotableOne() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> settingsWith("severe-health-drop", "2"));
	}

	@Test
	void refusesAnExpectedResolutionTimeOfZero() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ExpectedResolution(Duration.ofDays(5), Duration.ZERO,
				Duration.ofDays(2), Duration.ofDays(1)));
	}

	@Test
	void weightsAreKeptAsGiven() {
		Weights weights = new Weights(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
		assertThat(weights.highArr()).isEqualTo(16);
		assertThat(weights.normalPriority()).isEqualTo(1);
	}

}
