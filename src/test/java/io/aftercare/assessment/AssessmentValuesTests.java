package io.aftercare.assessment;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.aftercare.assessment.FollowUpLevel.MAJOR;
import static io.aftercare.assessment.FollowUpLevel.MINOR;
import static io.aftercare.assessment.FollowUpLevel.MODERATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AssessmentValuesTests {

	@Test
	void levelsReadAsWhatTheCsmShouldDo() {
		assertThat(MINOR.label()).isEqualTo("Simple acknowledgment");
		assertThat(MODERATE.label()).isEqualTo("Satisfaction check");
		assertThat(MAJOR.label()).isEqualTo("Relationship repair");
	}

	@Test
	void atLeastKeepsTheHigherLevel() {
		assertThat(MINOR.atLeast(MODERATE)).isEqualTo(MODERATE);
		assertThat(MAJOR.atLeast(MODERATE)).isEqualTo(MAJOR);
		assertThat(MODERATE.atLeast(MODERATE)).isEqualTo(MODERATE);
		assertThatIllegalArgumentException().isThrownBy(() -> MINOR.atLeast(null));
	}

	@Test
	void aReminderNeedsAPositivePeriodAndANote() {
		assertThat(new SuggestedReminder(Period.ofDays(7), "Check API metrics", "check your API metrics").dueIn())
			.isEqualTo(Period.ofDays(7));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SuggestedReminder(Period.ZERO, "Check in", "check in"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SuggestedReminder(Period.ofDays(-1), "Check in", "check in"));
		assertThatIllegalArgumentException().isThrownBy(() -> new SuggestedReminder(null, "Check in", "check in"));
		assertThatIllegalArgumentException().isThrownBy(() -> new SuggestedReminder(Period.ofDays(7), " ", "check in"));
		assertThatIllegalArgumentException().isThrownBy(() -> new SuggestedReminder(Period.ofDays(7), "Check in", " "));
	}

	@Test
	void anAssessmentNeedsAReason() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ImpactAssessment(MINOR, List.of(), List.of(), List.of(), false));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ImpactAssessment(null, List.of("Reopened once"), List.of(), List.of(), false));
	}

	@Test
	void anAssessmentKeepsItsOwnCopyOfTheLists() {
		List<String> reasons = new ArrayList<>(List.of("Reopened once"));
		ImpactAssessment assessment = new ImpactAssessment(MODERATE, reasons, List.of(), List.of(), false);
		reasons.add("Customer is at risk");
		assertThat(assessment.reasons()).containsExactly("Reopened once");
		assertThat(assessment.reasons()).isUnmodifiable();
	}

}
